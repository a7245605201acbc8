import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { data } from '../../commands/digest.js';
import { createFixedClock } from '../../src/core/clock.js';
import { askCommand, createTestServices, testCaller, type TestServices } from '../helpers/test-services.js';

let services: TestServices;
const clock = createFixedClock(new Date('2017-09-10T06:00:00Z'));

beforeAll(async () => {
  services = await createTestServices({ clock });
});
afterAll(() => services?.close());

describe('/digest', () => {
  it('needs Manage Server and is refused in DMs', () => {
    const json = data.toJSON();
    expect(json.default_member_permissions).toBe('32');
    expect(json.contexts).toEqual([0]);
  });

  it('rejects a bad time or zone naming the expected form', async () => {
    const badTime = await askCommand(services, '/digest subscribe channel:shell time:8am');
    expect(badTime.isError).toBe(true);
    expect(badTime.text).toContain('HH:MM');
    const badZone = await askCommand(services, '/digest subscribe channel:shell time:08:00 timezone:Europe/Londn');
    expect(badZone.isError).toBe(true);
    expect(badZone.text).toContain('IANA');
    expect(badZone.text).toContain('Europe/London');
  });

  it('refuses members without Manage Server', async () => {
    const r = await askCommand(services, '/digest subscribe channel:news time:08:00', { ...testCaller, canManageGuild: false });
    expect(r.isError).toBe(true);
    expect(r.text).toContain('Manage Server');
  });

  it('subscribes (default zone), lists, updates, previews and unsubscribes', async () => {
    const sub = await askCommand(services, '/digest subscribe channel:shell time:8:00');
    expect(sub.isError).toBeFalsy();
    expect(sub.data).toMatchObject({ subscription: { channelId: 'shell', time: '08:00', timezone: 'UTC' }, replaced: false });

    const again = await askCommand(services, '/digest subscribe channel:shell time:09:30 timezone:asia/damascus about:raqqa');
    expect(again.data).toMatchObject({ subscription: { time: '09:30', timezone: 'Asia/Damascus', about: 'raqqa' }, replaced: true });

    const list = await askCommand(services, '/digest list');
    expect(list.ephemeral).toBe(true);
    expect(list.fields).toHaveLength(1);
    expect(list.fields[0]!.value).toContain('09:30 Asia/Damascus');

    const preview = await askCommand(services, '/digest preview channel:shell');
    expect(preview.ephemeral).toBe(true);
    const groups = (preview.data as { groups: { stories: { title: string }[] }[] }).groups;
    expect(groups).toHaveLength(1);
    expect(preview.title).toContain('Digest preview');

    const removed = await askCommand(services, '/digest unsubscribe channel:shell');
    expect(removed.isError).toBeFalsy();
    const twice = await askCommand(services, '/digest unsubscribe channel:shell');
    expect(twice.isError).toBe(true);
  });

  it('shows a paused subscription and why in /digest list', async () => {
    await askCommand(services, '/digest subscribe channel:broken time:08:00');
    const sub = (await services.subscriptions.byChannel('broken'))!;
    await services.subscriptions.pause(sub.id, 'posting failed 5 times (last: Missing Permissions)', clock.now());
    const list = await askCommand(services, '/digest list');
    const field = list.fields.find((f) => f.name === '#broken')!;
    expect(field.value).toContain('PAUSED');
    expect(field.value).toContain('Missing Permissions');
    expect(list.text).toContain('1 paused');
  });
});
