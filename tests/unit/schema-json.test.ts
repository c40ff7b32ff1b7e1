import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaText } from '../../src/cli/main.ts';
import { ruleSetJsonSchema } from '../../src/authoring/schema.ts';

describe('rules/rules.schema.json', () => {
  it('is up to date with the rule-set schema (if not: run npm run schema)', () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(JSON.parse(committed), 'rules/rules.schema.json is out of date: run npm run schema').toEqual(ruleSetJsonSchema());
    expect(committed, 'rules/rules.schema.json is out of date: run npm run schema').toBe(schemaText());
  });

  it('lets an editor autocomplete the top-level fields and the rule tiers', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'version', 'questions', 'rules', 'outcomes', 'invariants']));
    const tier = schema.properties.rules.items.properties.tier;
    expect(tier.enum).toEqual(['crisis', 'not-suitable', 'review']);
  });
});
