import NextAuth from 'next-auth';
import { authOptions, limitedNextAuth } from '@/lib/server/nextauth';

const handler = limitedNextAuth(NextAuth(authOptions));

export { handler as GET, handler as POST };
