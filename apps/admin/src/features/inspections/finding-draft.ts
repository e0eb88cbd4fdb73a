import type { Schemas } from '@motcua/api-client';
import { NOTE_MAX, type Finding, type FindingCategory, type FindingVerdict } from './inspection-labels';

/** What the auditor is typing for one sampled dossier, before it is saved. */
export interface FindingDraft {
  verdict: FindingVerdict | undefined;
  category: FindingCategory | undefined;
  note: string;
}

export type FindingDraftProblem = 'verdictRequired' | 'categoryRequired' | 'noteTooLong';

/** The draft as the saved finding stands (or empty when none is recorded). */
export function draftOf(finding: Finding | null | undefined): FindingDraft {
  return { verdict: finding?.verdict, category: finding?.category ?? undefined, note: finding?.note ?? '' };
}

/**
 * Choosing a verdict: "Đạt" clears the category (the API refuses one on a compliant dossier);
 * "Có vấn đề" keeps a category chosen earlier, so switching back and forth loses nothing typed.
 */
export function withVerdict(draft: FindingDraft, verdict: FindingVerdict): FindingDraft {
  return { ...draft, verdict, category: verdict === 'COMPLIANT' ? undefined : draft.category };
}

export function withCategory(draft: FindingDraft, category: FindingCategory | undefined): FindingDraft {
  return { ...draft, category };
}

export function withNote(draft: FindingDraft, note: string): FindingDraft {
  return { ...draft, note };
}

/** Why the draft cannot be saved yet, or undefined when it can. */
export function draftProblem(draft: FindingDraft): FindingDraftProblem | undefined {
  if (!draft.verdict) return 'verdictRequired';
  if (draft.verdict === 'PROBLEM' && !draft.category) return 'categoryRequired';
  if (draft.note.trim().length > NOTE_MAX) return 'noteTooLong';
  return undefined;
}

/** True when saving would change what is recorded (notes compared as the API trims them). */
export function isDirty(draft: FindingDraft, finding: Finding | null | undefined): boolean {
  const saved = draftOf(finding);
  return draft.verdict !== saved.verdict || draft.category !== saved.category || draft.note.trim() !== saved.note.trim();
}

/** The request body: a category only for a problem, an empty note left out. */
export function findingBody(draft: FindingDraft): Schemas['RecordFindingRequest'] {
  if (!draft.verdict) throw new Error('A finding needs a verdict');
  const note = draft.note.trim();
  return {
    verdict: draft.verdict,
    ...(draft.verdict === 'PROBLEM' && draft.category ? { category: draft.category } : {}),
    ...(note ? { note } : {}),
  };
}
