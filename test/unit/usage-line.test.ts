import { describe, expect, it } from 'vitest';
import { operations, usageOf } from '../../src/domain/operations/index.js';

const usage = (name: string) => {
  const operation = operations.find((op) => op.name === name);
  if (!operation) throw new Error(`no operation ${name}`);
  return usageOf(operation);
};

describe('usage lines of the roles commands', () => {
  it.each([
    ['roles.list', '/openai roles list [--project <project>]'],
    ['roles.delete', '/openai roles delete <role> [--project <project>]'],
    ['roles.assign', '/openai roles assign <role> (--user <user> | --group <group>) [--project <project>]'],
    ['roles.unassign', '/openai roles unassign <role> (--user <user> | --group <group>) [--project <project>]'],
  ])('%s reads %s, flags of which one is given shown as alternatives', (name, line) => {
    expect(usage(name)).toBe(line);
  });

  it('roles create starts with the fixed form and its required, repeatable --permission', () => {
    expect(usage('roles.create')).toMatch(
      /^\/openai roles create <name> --permission <permission>… \[--project <project>\]/,
    );
  });
});
