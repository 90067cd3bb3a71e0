/**
 * Typed domain errors. `reason` is a locale key suffix the bot layer turns into Indonesian text
 * (`error-<reason>`); `params` fill its placeables. No user-facing strings live in src/domain.
 */
export class DomainError extends Error {
  constructor(
    readonly reason: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(reason);
    this.name = new.target.name;
  }
}
export class NotAllowed extends DomainError {}
export class NotFound extends DomainError {}
export class InvalidInput extends DomainError {}
export class Conflict extends DomainError {}
