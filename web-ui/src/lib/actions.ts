// What this caller may do to a resource now. Each view (license, job, dataset registration,
// organization) carries `actions`: the transitions (POST …/{id}/<action>) that the server, after asking
// the policy and checking the state machine, lets this caller take. Action buttons follow it; the
// console does not decide them again from roles and states.
import type { CaseAction, DatasetAction, DisclosureAction, InvoiceAction, JobAction, LicenseAction, ObjectionAction, OrganizationAction, ProductAction } from '../api/types';

export type Action = LicenseAction | JobAction | DatasetAction | OrganizationAction | ObjectionAction | ProductAction | CaseAction | DisclosureAction | InvoiceAction;

/** Anything that carries the server's actions; a view without them offers nothing. */
export interface Actionable {
  readonly actions?: readonly string[] | null;
}

/** The action names of a resource's type, told apart by a field only that view has. */
export type ActionOf<R> = 'decisionOutcome' extends keyof R
  ? LicenseAction
  : 'sqlSha256' extends keyof R
    ? JobAction
    : 'certificateNo' extends keyof R
      ? DatasetAction
      : 'legalRepresentative' extends keyof R
        ? OrganizationAction
        : 'lodgedBy' extends keyof R
          ? ObjectionAction
          : 'holderConsent' extends keyof R
            ? ProductAction
            : 'answerDue' extends keyof R
              ? CaseAction
              : 'contentSha256' extends keyof R
                ? DisclosureAction
                : 'receiptNo' extends keyof R
                  ? InvoiceAction
                  : Action;

/** Whether the server offers this action on this resource to this caller now. */
export function can<R extends Actionable>(resource: R | null | undefined, action: NoInfer<ActionOf<R>>): boolean {
  return resource?.actions?.includes(action) ?? false;
}
