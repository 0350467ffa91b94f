/** Demo articles for `npm run db:seed` (idempotent: an article whose slug exists is left alone). */
import { db } from '@/lib/server/db';
import type { Actor } from '../actor';
import { usersByUsernames } from '../identity/directory';
import { changeArticleStatus, createArticle, recordFeedback } from './commands';
import { slugify } from './markdown';
import { type ArticleCreateInput, type ArticleStatus, articleCreateInput } from './schemas';

type Demo = {
  status: ArticleStatus;
  views?: number[];
  /** Demo readers' votes: username → helpful. */
  votes?: Record<string, boolean>;
  input: Partial<ArticleCreateInput> & { title: string; body: string };
};

const IT = 'IT Support';
const DEMO_ARTICLES: Demo[] = [
  {
    status: 'published',
    views: [4, 6, 3, 8, 5, 7, 9],
    votes: { employee1: true, employee2: true },
    input: {
      title: 'VPN drops every hour: keep your connection alive',
      category: IT,
      sub_category: 'Internet/Network Connectivity Issue',
      tags: ['vpn', 'remote work', 'network'],
      body: `If your VPN connection drops roughly every 60 minutes, the client is usually re-authenticating and failing silently.

## Fix it in three steps

1. Open **GlobalConnect** from the system tray and choose **Settings → Connection**.
2. Turn on **Keep session alive** and set *Reconnect automatically* to **On**.
3. Sign out of the VPN, restart your laptop, then sign in again so the new token is issued.

## Still dropping?

- Check that your laptop is not going to sleep: *Power settings → Never sleep while plugged in*.
- Home routers older than five years often drop long-lived connections. Try a wired connection or your phone's hotspot to compare.
- If the connection drops more than twice a day after these steps, submit a ticket and include the time of the last drop.`,
    },
  },
  {
    status: 'published',
    views: [10, 12, 9, 11, 14, 8, 13],
    input: {
      title: 'Reset your password and unlock your account',
      category: IT,
      sub_category: 'Email/Account Access Issue',
      tags: ['password', 'account', 'login'],
      body: `After five wrong passwords your account locks for 15 minutes. You can reset your password yourself at any time.

## Reset your password

1. Go to the sign-in page and choose **Forgot password**.
2. Enter your work e-mail address. A reset link arrives within two minutes; check *Junk* if it does not.
3. Choose a new password: at least 12 characters, not one of your last five.

## Locked out?

Wait 15 minutes and try again, or reset the password as above — a reset also unlocks the account.

> Never share your password, not even with the help desk. We will never ask for it.`,
    },
  },
  {
    status: 'published',
    views: [3, 2, 4, 3, 5, 2, 4],
    votes: { employee1: false, employee2: false },
    input: {
      title: 'Set up company e-mail on your phone',
      category: IT,
      sub_category: 'Email/Account Access Issue',
      tags: ['email', 'mobile', 'outlook'],
      body: `Company e-mail works on iPhone and Android through the **Outlook** app.

1. Install **Microsoft Outlook** from the App Store or Google Play.
2. Open it, tap **Add account** and enter your work e-mail address.
3. Approve the sign-in request on your authenticator app.
4. Accept the prompt to install the *Company Portal* profile: it keeps your work data separate from your own.

The built-in Mail app is not supported, because it cannot enforce the screen lock our security policy requires.`,
    },
  },
  {
    status: 'published',
    views: [5, 4, 6, 2, 3, 4, 5],
    votes: { employee1: true, employee2: false },
    input: {
      title: 'Add a network printer and fix "printer offline"',
      category: IT,
      sub_category: 'Printer/Scanner Setup or Issue',
      tags: ['printer', 'scanner'],
      body: `## Add a printer

1. Open **Settings → Bluetooth & devices → Printers & scanners**.
2. Choose **Add device**. Office printers are named after their floor and room, for example \`PRN-3F-EAST\`.
3. If yours does not appear, choose *Add manually* and enter \`\\\\print01\\PRN-3F-EAST\`.

## "Printer offline"

- Make sure you are on the office network or the VPN.
- Remove the printer, restart the laptop and add it again.
- Paper jams and empty toner also show as *offline*: check the printer's own display.`,
    },
  },
  {
    status: 'published',
    views: [6, 7, 5, 9, 6, 8, 7],
    input: {
      title: 'Laptop running slow? Five checks before you call us',
      category: IT,
      sub_category: 'System Performance Issue',
      tags: ['performance', 'laptop', 'slow'],
      body: `Most slow laptops get fast again with these checks.

1. **Restart** — not sleep. Updates often wait for a restart and slow everything until then.
2. **Free disk space**: keep at least 15 GB free. *Settings → System → Storage* shows what uses it.
3. **Close browser tabs**: each tab can use hundreds of megabytes of memory.
4. **Check Task Manager** (Ctrl + Shift + Esc) for a program using most of the CPU.
5. **Plug in the charger**: on battery the laptop saves power by running slower.

If it is still slow after all five, submit a ticket with a screenshot of Task Manager.`,
    },
  },
  {
    status: 'published',
    views: [2, 3, 2, 4, 3, 1, 2],
    input: {
      title: 'Install approved software from the Software Center',
      category: IT,
      sub_category: 'Software Installation/Update',
      tags: ['software', 'install', 'update'],
      body: `You can install approved software yourself, without admin rights.

1. Open **Software Center** from the Start menu.
2. Search for the program, for example *Zoom* or *Visual Studio Code*.
3. Choose **Install**. It finishes in the background; you can keep working.

Need something that is not listed? Submit a ticket in *Software Installation/Update* with the program's name and why you need it. Licensed software needs your manager's approval.`,
    },
  },
  {
    status: 'published',
    views: [4, 5, 3, 6, 4, 5, 8],
    input: {
      title: 'What to do if you clicked a suspicious link',
      category: IT,
      sub_category: 'Virus/Malware Check',
      tags: ['phishing', 'security', 'malware'],
      body: `Act quickly, and do not worry about being blamed: reporting early is what matters.

1. **Disconnect** from the network: turn off Wi-Fi or unplug the cable.
2. **Do not** enter any password on the page that opened.
3. If you already entered your password, **reset it** from another device.
4. Submit a ticket in *Virus/Malware Check* and forward the suspicious e-mail as an attachment.

Our security team scans your laptop remotely and tells you when it is safe to reconnect.`,
    },
  },
  {
    status: 'published',
    views: [1, 2, 3, 1, 2, 2, 3],
    input: {
      title: 'Restore a deleted file from OneDrive or the file share',
      category: IT,
      sub_category: 'Data Backup/Restore',
      tags: ['backup', 'restore', 'files'],
      body: `Deleted files can be restored for 93 days.

## OneDrive

1. Open OneDrive in the browser and choose **Recycle bin**.
2. Select the file and choose **Restore**.

## File share (S: drive)

1. Right-click the folder that held the file and choose **Properties → Previous versions**.
2. Pick a version from before the deletion and choose **Restore**.

Older than 93 days? Submit a ticket with the file's name and folder: nightly backups go back one year.`,
    },
  },
  {
    status: 'published',
    views: [3, 4, 2, 5, 3, 4, 6],
    input: {
      title: 'Monitor flickers or stays black: docking station fixes',
      category: IT,
      sub_category: 'Hardware Troubleshooting',
      tags: ['monitor', 'docking station', 'hardware'],
      body: `A flickering or black external monitor is almost always the cable or the docking station.

1. Unplug the docking station from the laptop, wait ten seconds and plug it back in.
2. Try the other video port on the dock (DisplayPort instead of HDMI).
3. Update the dock's firmware: **Software Center → Dock Firmware Update**.
4. Swap the cable with a colleague's to rule it out.

If the monitor still flickers on another dock too, submit a ticket in *Hardware Troubleshooting*: we replace it.`,
    },
  },
  {
    status: 'published',
    views: [1, 1, 2, 1, 0, 1, 2],
    input: {
      title: 'Return equipment when you leave or change roles',
      category: 'Asset Check In',
      tags: ['asset', 'return', 'laptop'],
      body: `Equipment goes back to the asset team on your last day or when you change roles.

- **Laptops, phones and monitors**: bring them to the asset desk (ground floor, room G.12), 9:00–16:00.
- **Remote workers**: submit an *Asset Check In* ticket and we send a prepaid box.
- Back up personal files first: returned devices are wiped the same day.

You receive a receipt by e-mail once the item is checked in.`,
    },
  },
  {
    status: 'published',
    views: [2, 1, 1, 3, 2, 1, 1],
    input: {
      title: 'Borrow a loaner laptop or projector',
      category: 'Asset Check Out',
      tags: ['asset', 'loaner', 'projector'],
      body: `Loaner equipment is available for up to two weeks.

1. Submit an *Asset Check Out* ticket with the item, the dates and the reason.
2. Collect it at the asset desk (room G.12) once the ticket is approved.
3. Return it by the end date; you get a reminder two days before.

Projectors and webcams for meetings can be booked for the same day if one is free.`,
    },
  },
  {
    status: 'published',
    views: [1, 0, 2, 1, 1, 2, 1],
    input: {
      title: 'How to submit a new budget proposal',
      category: 'New Budget Proposal',
      tags: ['budget', 'finance', 'proposal'],
      body: `Budget proposals for the next quarter are due by the 15th of the last month of the current quarter.

## What to include

- The amount and the cost centre
- What it pays for, and the expected benefit
- Quotes from suppliers for anything over 5,000

## Submit it

Submit a ticket in *New Budget Proposal* and attach the filled-in **Budget Proposal Form** (Finance intranet → Forms). Finance answers within ten working days.`,
    },
  },
  {
    status: 'published',
    views: [2, 3, 1, 2, 2, 3, 2],
    input: {
      title: 'Office Wi-Fi keeps disconnecting',
      category: IT,
      sub_category: 'Internet/Network Connectivity Issue',
      tags: ['wifi', 'network'],
      body: `Connect to **Corp-Secure**, not *Corp-Guest*: the guest network disconnects every two hours by design.

1. Choose the Wi-Fi icon, select **Corp-Guest** and choose **Forget**.
2. Connect to **Corp-Secure** and sign in with your work account.
3. If it still drops, note the room you are in and submit a ticket: a weak access point is the usual cause.`,
    },
  },
  {
    status: 'published',
    views: [1, 2, 1, 1, 2, 1, 1],
    input: {
      title: 'Wi-Fi access point restart procedure',
      category: IT,
      sub_category: 'Internet/Network Connectivity Issue',
      visibility: 'staff',
      tags: ['wifi', 'network', 'runbook'],
      body: `Staff runbook for a floor whose Wi-Fi keeps dropping.

1. Open the wireless controller (\`https://wlc01.corp.local\`) and find the access point by room.
2. Check its client count and channel utilisation; above 80 % means it is overloaded.
3. Choose **Restart AP**. Clients reconnect within two minutes.
4. If it drops again within a day, open a hardware ticket with the AP's serial number.`,
    },
  },
  {
    status: 'draft',
    input: {
      title: 'Enrol in multi-factor authentication',
      category: IT,
      sub_category: 'Email/Account Access Issue',
      tags: ['mfa', 'security', 'account'],
      body: `From next month every account needs a second sign-in factor.

1. Install the **Authenticator** app on your phone.
2. Go to the account security page and choose **Add sign-in method**.
3. Scan the QR code with the app.`,
    },
  },
];

export async function seedDemoArticles(): Promise<void> {
  const [editorUser] = await usersByUsernames(['coordinator2']);
  if (!editorUser) throw new Error('Seed needs the demo user coordinator2');
  // The demo editor writes them; admin rights let the seed set any visibility.
  const seedEditor: Actor = {
    id: editorUser.id,
    email: editorUser.email,
    username: editorUser.username,
    name: editorUser.name,
    roles: [{ system: 'hdts', role: 'Admin', system_role_id: 0 }],
  };
  for (const demo of DEMO_ARTICLES) {
    const slug = slugify(demo.input.title);
    if (await db.article.findUnique({ where: { slug } })) continue;
    const a = await createArticle(seedEditor, articleCreateInput.parse(demo.input));
    if (demo.status !== 'draft') await changeArticleStatus(seedEditor, a.id, demo.status);
    // a week of views, so the admin's figures have something to show
    for (const [i, n] of (demo.views ?? []).entries()) {
      if (!n) continue;
      const day = new Date(Date.now() - (demo.views!.length - 1 - i) * 86_400_000);
      await db.articleViewDay.create({ data: { articleId: a.id, day: new Date(day.toISOString().slice(0, 10)), views: n } });
    }
    const total = (demo.views ?? []).reduce((s, n) => s + n, 0);
    if (total) await db.article.update({ where: { id: a.id }, data: { viewCount: total } });
    for (const [username, helpful] of Object.entries(demo.votes ?? {})) {
      const [u] = await usersByUsernames([username]);
      if (!u) continue;
      const reader: Actor = {
        id: u.id,
        email: u.email,
        username: u.username,
        name: u.name,
        roles: [{ system: 'hdts', role: 'Employee', system_role_id: 0 }],
      };
      await recordFeedback(reader, a.id, helpful);
    }
  }
}
