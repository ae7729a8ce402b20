import { TerraformVariable } from 'cdktf';
import { LockLevel, Workspace, WorkspaceLockOptions } from '../../lib';
import { BASE_WORKSPACE } from '../boundary-fixtures';
import { errorOf, synth } from '../helpers';

const LOCK = 'azurerm_management_lock';
const withLock = (lock: LockLevel | WorkspaceLockOptions) => synth((stack) => new Workspace(stack, 'Health', { ...BASE_WORKSPACE, lock }));

describe('the lock with a name and notes', () => {
  test('the level alone keeps the default name and notes', () => {
    expect(withLock('CanNotDelete').resource(LOCK)).toMatchObject({
      name: 'lock-health',
      lock_level: 'CanNotDelete',
      notes: expect.stringMatching(/^Cannot delete the Health Data Services workspace/),
    });
  });

  test('{ level } is the same lock as the level alone', () => {
    const { '//': _a, ...object } = withLock({ level: 'ReadOnly' }).resource(LOCK);
    const { '//': _b, ...level } = withLock('ReadOnly').resource(LOCK);
    void _a;
    void _b;
    expect(object).toEqual(level);
  });

  test('{ level, name, notes } names the lock and says why', () => {
    expect(
      withLock({ level: 'CanNotDelete', name: 'myCustomLockName', notes: 'PHI: change board approval CB-12 needed' }).resource(LOCK),
    ).toMatchObject({
      name: 'myCustomLockName',
      lock_level: 'CanNotDelete',
      notes: 'PHI: change board approval CB-12 needed',
    });
  });

  test.each<[string, WorkspaceLockOptions | LockLevel, RegExp]>([
    [
      'a bad level in the object',
      { level: 'readonly' as LockLevel },
      /^\[stack\/Health\] Workspace lock\.level "readonly" is invalid: one of "CanNotDelete", "ReadOnly"\. Use "ReadOnly"\./,
    ],
    ['no level', {} as WorkspaceLockOptions, /Workspace lock\.level is missing: give one of "CanNotDelete", "ReadOnly"/],
    [
      'a name with spaces',
      { level: 'CanNotDelete', name: 'keep it' },
      /Workspace lock\.name "keep it" is invalid: 1-259 letters, digits, '-' or '_'\. Use e\.g\. "keep-it"\./,
    ],
    ['a name of 260 characters', { level: 'CanNotDelete', name: 'x'.repeat(260) }, /Workspace lock\.name "x+" is invalid/],
    ['notes over 512 characters', { level: 'CanNotDelete', notes: 'n'.repeat(513) }, /Workspace lock\.notes "n+" is invalid: at most 512 characters/],
    [
      'not a level or an object',
      5 as unknown as LockLevel,
      /Workspace lock 5 is invalid: a lock level \("CanNotDelete" or "ReadOnly"\) or an object \{ level, name\?, notes\? \}/,
    ],
  ])('%s fails', (_name, lock, expected) => {
    expect(errorOf(() => withLock(lock))).toMatch(expected);
  });
});

test('a token name and notes are not rejected', () => {
  const lock = synth((stack) => {
    const name = new TerraformVariable(stack, 'lock_name', { type: 'string' });
    new Workspace(stack, 'Health', { ...BASE_WORKSPACE, lock: { level: 'CanNotDelete', name: name.stringValue, notes: name.stringValue } });
  }).resource(LOCK);
  expect(lock).toMatchObject({ name: '${var.lock_name}', notes: '${var.lock_name}' });
});
