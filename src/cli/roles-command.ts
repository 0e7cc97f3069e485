import { parseOwner } from '../domain/owner';
import { textTable } from '../domain/text-table';
import { Role, ROLES } from '../domain/types';
import { ALL_PLANS } from '../store/role-store';
import { CliContext, requirePlan, UserError } from './context';

function checkRole(role: string): Role {
  const wanted = ROLES.find((r) => r === role.toLowerCase());
  if (!wanted) throw new UserError(`"${role}" is not a role. Roles: ${ROLES.join(', ')}.`, 2);
  return wanted;
}

function checkEmail(email: string): string {
  const parsed = parseOwner(email);
  if (!parsed.ok || !parsed.owner)
    throw new UserError(`"${email}" is not an email address or user name like alex.wilber@council.gov.uk.`, 2);
  return parsed.owner.email;
}

export async function grantCommand(
  ctx: CliContext,
  email: string,
  role: string,
  options: { plan?: string; name?: string },
) {
  // A typo in a plan id would grant a role nobody ever holds, while the administrator believes it done.
  if (options.plan) await requirePlan(ctx, options.plan);
  const person = await ctx.storage.roles.grant(
    options.plan ?? ALL_PLANS,
    checkEmail(email),
    checkRole(role),
    options.name,
  );
  ctx.out.write(
    `${person.email} now has: ${person.roles.join(', ')} (${options.plan ? `plan ${options.plan}` : 'every plan'}).\n`,
  );
}

export async function revokeCommand(ctx: CliContext, email: string, role: string, options: { plan?: string }) {
  if (options.plan) await requirePlan(ctx, options.plan);
  const person = await ctx.storage.roles.revoke(options.plan ?? ALL_PLANS, checkEmail(email), checkRole(role));
  ctx.out.write(
    `${person.email} now has: ${person.roles.join(', ') || 'no roles'} (${options.plan ? `plan ${options.plan}` : 'every plan'}).\n`,
  );
}

/** Without --plan, every role in every plan; with it, the roles that apply to that plan. */
export async function listRolesCommand(ctx: CliContext, options: { plan?: string }) {
  if (options.plan) await requirePlan(ctx, options.plan);
  const granted = options.plan
    ? [...(await ctx.storage.roles.list(ALL_PLANS)), ...(await ctx.storage.roles.list(options.plan))]
    : await ctx.storage.roles.listAll();
  const people = granted.filter((p) => p.roles.length);
  if (!people.length) {
    ctx.out.write(
      `Nobody has a role${options.plan ? ` in plan ${options.plan}` : ''} yet. ` +
        'Grant one with: action-tracker roles grant someone@council.gov.uk admin\n',
    );
    return;
  }
  // A role granted without --name is shown with the name Teams gave the person, where the bot has met them.
  const names = await ctx.storage.people.nameDirectory();
  const rows = people.map((p) => [
    p.email,
    p.displayName ?? names.get(p.email) ?? '',
    p.roles.join(', '),
    p.planId === ALL_PLANS ? 'every plan' : p.planId,
  ]);
  ctx.out.write(textTable(['Email', 'Name', 'Roles', 'Applies to'], rows) + '\n');
}
