/** A VALIDATION_FAILED error's fields to fix, as the API gives them (reasons in English). */
export interface FieldIssue {
  field: string;
  reason: string;
}

/** `details.issues` of an error, keeping only well-formed entries. */
export function fieldIssuesOf(details: unknown): FieldIssue[] {
  const issues = (details as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is FieldIssue => typeof i === 'object' && i !== null && typeof i.field === 'string' && typeof i.reason === 'string',
  );
}
