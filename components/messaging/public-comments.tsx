'use client';

export { PublicComments } from './conversation-panel';
