import { InteractionType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { NO_SERVER } from '../../../src/core/command.js';
import { parseInteraction } from '../../../src/transports/http/interaction-request.js';

const command = (where: { guild_id?: string }) => ({
  id: '1',
  application_id: '2',
  type: InteractionType.ApplicationCommand,
  token: 'token',
  channel_id: '3',
  data: { name: 'search', options: [{ name: 'query', type: 3, value: 'Raqqa' }] },
  ...(where.guild_id
    ? { guild_id: where.guild_id, member: { user: { id: '4', username: 'reader' }, permissions: '0' } }
    : { user: { id: '4', username: 'reader' } }),
});

describe('parseInteraction: who the caller is', () => {
  it("a command in a server is that server's; one in a DM is in no server (never the operator's null)", () => {
    const inServer = parseInteraction(command({ guild_id: '99' }));
    const inDm = parseInteraction(command({}));
    expect(inServer).toMatchObject({ kind: 'command', inGuild: true, caller: { guildId: '99', userName: 'reader' } });
    expect(inDm).toMatchObject({ kind: 'command', inGuild: false, caller: { guildId: NO_SERVER, userName: 'reader' } });
  });
});
