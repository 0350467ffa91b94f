/**
 * Knowledge-base search at volume: 100,000 articles loaded set-based (INSERT … SELECT … generate_series, the
 * generated tsvector and its GIN index computed by PostgreSQL), then the search box, answers-while-typing
 * and the ticket-page suggestions as employees and staff call them (through the domain functions, so with
 * Prisma and the visibility filter). Prints latency percentiles; nothing is asserted.
 *
 *   npx tsx tests/bench/knowledge.ts            (fresh embedded PostgreSQL, or DATABASE_URL when set)
 *   ARTICLES=200000 ROUNDS=20 npx tsx tests/bench/knowledge.ts
 */
import { performance } from 'node:perf_hooks';
import { freshDatabase, line, ms, summarize } from './support';

const ARTICLES = Number(process.env.ARTICLES ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 10);

const THINGS = [
  'VPN',
  'Printer',
  'Laptop',
  'Monitor',
  'Password',
  'E-mail',
  'Wi-Fi',
  'Docking station',
  'Outlook',
  'Teams',
  'OneDrive',
  'Keyboard',
  'Headset',
  'Phone',
  'Scanner',
  'Browser',
  'Calendar',
  'Badge reader',
  'Projector',
  'Webcam',
];
const PROBLEMS = [
  'drops every hour',
  'is offline',
  'runs slow',
  'flickers',
  'keeps asking to sign in',
  'will not start',
  'shows an error',
  'cannot connect',
  'is missing',
  'freezes after an update',
  'makes a noise',
  'lost its settings',
];
const WORDS = (
  'restart the client connection session network router cable firmware driver update install remove settings account ' +
  'password reset unlock token authenticator screen display resolution battery charger power sleep disk space memory ' +
  'browser cache cookies profile sync folder file share backup restore version history printer queue toner paper jam ' +
  'tray wireless access point signal channel office home remote hotspot certificate proxy firewall port address server ' +
  'login sign mailbox calendar invite meeting audio microphone speaker camera video bluetooth pairing keyboard mouse dock ' +
  'adapter usb hdmi displayport license approval manager request ticket help desk policy security phishing malware scan ' +
  'quarantine encryption laptop desktop tablet phone mobile app store portal company device enrolment compliance'
).split(' ');
const QUERIES = [
  'vpn drops',
  'printer offline',
  'password reset',
  'laptop slow',
  'monitor flickers',
  'restore deleted file',
  'wifi cannot connect',
  'outlook sign in',
  'docking station firmware',
  'teams microphone',
  'badge reader noise',
  'projector hdmi',
  'phishing malware scan',
  'certificate proxy',
  '"access point" signal',
  'webcam lost settings',
  'calendar invite error',
  'bluetooth pairing keyboard',
  'onedrive sync folder',
  'quarantine encryption compliance',
];
const TYPING = [
  'vp',
  'vpn dro',
  'printer off',
  'my laptop is ru',
  'cannot sign in to outl',
  'wifi keeps',
  'monitor flick',
  'pass',
];

async function main() {
  const db0 = process.env.DATABASE_URL ? null : await freshDatabase();
  const { db, disconnectDb } = await import('../../lib/server/db');
  const { loadActor } = await import('../../lib/domain/identity/queries');
  const { listArticles, suggestArticles } = await import('../../lib/domain/knowledge/queries');
  const { CATEGORIES } = await import('../../lib/domain/helpdesk/catalog');
  const author = await db.user.findUniqueOrThrow({ where: { username: 'coordinator2' } });
  const subs = CATEGORIES[0].subCategories;

  const t0 = performance.now();
  // 10 % staff-only, 5 % drafts; titles from THINGS × PROBLEMS, bodies of 80 words from WORDS (deterministic).
  await db.$executeRawUnsafe(
    `INSERT INTO knowledge.articles (slug, title, body, body_text, department, category, sub_category, tags, visibility, status,
       version, author_id, updated_by_id, published_at, view_count, created_at, updated_at)
     SELECT 'bench-' || i, t.title, b.text, b.text, 'IT Department', 'IT Support', ($4::text[])[1 + i % cardinality($4::text[])],
            ARRAY[lower(($1::text[])[1 + i % cardinality($1::text[])])],
            CASE WHEN i % 10 = 0 THEN 'staff' ELSE 'everyone' END, CASE WHEN i % 20 = 0 THEN 'draft' ELSE 'published' END,
            1, $5, $5, now(), i % 97, now() - (i % 365) * interval '1 day', now() - (i % 365) * interval '1 day'
       FROM generate_series(1, $6::int) i,
            LATERAL (SELECT ($1::text[])[1 + i % cardinality($1::text[])] || ' ' || ($2::text[])[1 + (i / 20) % cardinality($2::text[])]
                            || ' (case ' || i || ')' AS title) t,
            LATERAL (SELECT string_agg(($3::text[])[1 + abs(hashint4(i * 131 + k)) % cardinality($3::text[])], ' ') AS text
                       FROM generate_series(1, 80) k) b`,
    THINGS,
    PROBLEMS,
    WORDS,
    subs,
    author.id,
    ARTICLES,
  );
  // VACUUM as autovacuum would after a bulk load: the visibility map lets counts read the index only.
  await db.$executeRawUnsafe('VACUUM ANALYZE knowledge.articles');
  const loadSeconds = (performance.now() - t0) / 1000;
  const total = await db.article.count();

  const employee = await loadActor((await db.user.findUniqueOrThrow({ where: { username: 'employee1' } })).id);
  const agent = await loadActor((await db.user.findUniqueOrThrow({ where: { username: 'agent1' } })).id);
  if (!employee || !agent) throw new Error('demo users missing');

  async function time(fn: () => Promise<unknown>, samples: number[]) {
    const s = performance.now();
    await fn();
    samples.push(performance.now() - s);
  }
  // warm the caches and Prisma's connection pool once
  for (const q of QUERIES) await listArticles(employee, { q, page: 1, page_size: 10 });

  // the same machine's floor in this run: a trivial round trip and a primary-key read through Prisma
  const floor: number[] = [];
  const pk: number[] = [];
  const search: number[] = [];
  const staffSearch: number[] = [];
  const deep: number[] = [];
  const typing: number[] = [];
  const browse: number[] = [];
  let matches = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      await time(async () => {
        matches += (await listArticles(employee, { q, page: 1, page_size: 10 })).count;
      }, search);
      await time(() => listArticles(agent, { q, page: 1, page_size: 10 }), staffSearch);
      await time(() => listArticles(employee, { q, page: 5, page_size: 10 }), deep);
    }
    for (const q of TYPING) await time(() => suggestArticles(employee, { q, limit: 5 }), typing);
    await time(() => listArticles(employee, { page: 1, page_size: 20, sort: 'views' }), browse);
    for (let i = 0; i < 10; i++) {
      await time(() => db.$queryRaw`SELECT 1`, floor);
      await time(() => db.article.findUnique({ where: { slug: `bench-${1 + ((r * 10 + i) % ARTICLES)}` } }), pk);
    }
  }

  console.log(`\nKnowledge search (${total.toLocaleString('en-US')} articles, ${ROUNDS} rounds)`);
  line('load: set-based insert + tsvector + GIN, seconds', `${loadSeconds.toFixed(1)} s`);
  line('average matches per search query', `${Math.round(matches / (ROUNDS * QUERIES.length)).toLocaleString('en-US')}`);
  for (const [label, samples] of [
    ['search box, employee, page 1: p50 / p95', search],
    ['search box, staff, page 1: p50 / p95', staffSearch],
    ['search box, employee, page 5: p50 / p95', deep],
    ['answers while typing (suggestions): p50 / p95', typing],
    ['browse most read, no query: p50 / p95', browse],
    ['baseline: SELECT 1 round trip: p50 / p95', floor],
    ['baseline: article by slug (primary read): p50 / p95', pk],
  ] as const) {
    const s = summarize(samples);
    line(label, `${ms(s.p50)} / ${ms(s.p95)}`, label.startsWith('search box, employee, page 1') ? 'p95 ≤ 50 ms' : undefined);
  }
  await disconnectDb();
  await db0?.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
