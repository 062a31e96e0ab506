import type { Command } from 'commander';
import { ClearanceError } from '../../core/errors.ts';
import { isRole } from '../../adapters/storage/api-keys.ts';
import { ROLES } from '../../ports/store.ts';
import { printJson, renderTable } from '../output.ts';
import { DATA_DIR_HELP, withStore } from '../../adapters/storage/with-store.ts';

interface CommonOptions {
  readonly dataDir?: string;
  readonly json?: boolean;
}

export function register(program: Command): void {
  const keys = program.command('keys').description('API keys for the HTTP API (stored as SHA-256 hashes; a key is shown once, when created)');

  keys
    .command('create')
    .description(`Create an API key and print it once. Roles: ${ROLES.join(', ')} (each may do what the ones before it may)`)
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--owner <name>', 'who holds the key; shown in the audit trail and on reviews', 'cli')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print {key, id, role, owner, prefix} as JSON')
    .action(async (options: CommonOptions & { role: string; owner: string }) => {
      const role = options.role.trim().toLowerCase();
      if (!isRole(role)) throw new ClearanceError('invalid_input', `--role "${options.role}" is not a role (accepted: ${ROLES.join(', ')})`, { field: 'role' });
      const owner = options.owner.trim();
      if (owner === '' || owner.length > 200) throw new ClearanceError('invalid_input', 'the owner must be 1 to 200 characters', { field: 'owner' });
      const created = await withStore(options, (store) => store.keys.create({ owner, role, actor: 'cli' }));
      if (options.json === true) {
        printJson({ key: created.key, ...created.record });
        return;
      }
      process.stdout.write(`${created.key}\n`);
      process.stderr.write(`Created ${role} key ${created.record.prefix}… for "${owner}" (id ${created.record.id}). It is shown only now; store it safely.\n`);
    });

  keys
    .command('list')
    .description('List API keys (prefix, owner, role, created, revoked); never the keys themselves')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print as JSON')
    .action(async (options: CommonOptions) => {
      const list = await withStore(options, (store) => store.keys.list());
      if (options.json === true) {
        printJson(list);
        return;
      }
      process.stdout.write(renderTable(['id', 'prefix', 'owner', 'role', 'created', 'revoked'], list.map((k) => [k.id, k.prefix, k.owner, k.role, k.createdAt, k.revokedAt])));
    });

  keys
    .command('revoke')
    .description('Revoke an API key by id')
    .argument('<id>', 'the key id (from `clearance keys list`)')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (id: string, options: CommonOptions) => {
      const done = await withStore(options, (store) => store.keys.revoke(id));
      if (!done) throw new ClearanceError('not_found', `no active key with id ${id}`, { field: 'id' });
      process.stdout.write(`revoked ${id}\n`);
    });
}
