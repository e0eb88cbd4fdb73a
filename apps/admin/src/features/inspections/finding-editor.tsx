import { isProblem } from '@motcua/api-client';
import { Button, Flex, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api';
import { formatVietnamDateTime } from '../../app/format';
import { draftOf, draftProblem, findingBody, isDirty, withCategory, withNote, withVerdict, type FindingDraft } from './finding-draft';
import {
  categoryLabel,
  FINDING_CATEGORIES,
  FINDING_VERDICTS,
  NOTE_MAX,
  VERDICT_COLORS,
  verdictLabel,
  type Finding,
  type SampleItem,
} from './inspection-labels';
import { useRecordFinding } from './use-inspection-mutations';

/** The field errors of a refused finding (category, note), else the problem's sentence. */
function failureText(error: unknown): string {
  if (isProblem(error) && error.errors?.length) return error.errors.map((e) => e.message).join('; ');
  return errorMessage(error);
}

/** A recorded finding as it stands: the verdict, its category and note, who recorded it and when. */
export function FindingView({ finding }: { finding: Finding | null }) {
  const { t } = useTranslation();
  if (!finding) return <Typography.Text type="secondary">{t('oversight.inspections.finding.notReviewed')}</Typography.Text>;
  return (
    <Flex vertical gap={2} style={{ minWidth: 220, maxWidth: 320 }}>
      <Space size={4} wrap>
        <Tag color={VERDICT_COLORS[finding.verdict]} data-testid="finding-verdict">
          {verdictLabel(finding.verdict)}
        </Tag>
        {finding.category && <span data-testid="finding-category">{categoryLabel(finding.category)}</span>}
      </Space>
      {finding.note && <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{finding.note}</Typography.Text>}
      <RecordedBy finding={finding} />
    </Flex>
  );
}

function RecordedBy({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('oversight.inspections.finding.recordedBy', {
        name: finding.recordedByName ?? t('oversight.none'),
        at: formatVietnamDateTime(finding.recordedAt),
      })}
    </Typography.Text>
  );
}

/**
 * One sampled dossier's finding while the inspection is open: "Đạt" or "Có vấn đề" (then a category
 * is required), a note, and "Lưu kết luận" once something changed. The parent remounts it (by key)
 * when the saved finding changes, so the draft starts again from what is recorded.
 */
export function FindingEditor({ inspectionId, item }: { inspectionId: string; item: SampleItem }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<FindingDraft>(() => draftOf(item.finding));
  const [failure, setFailure] = useState<string>();
  const record = useRecordFinding();
  const problem = draftProblem(draft);
  const dirty = isDirty(draft, item.finding);

  const update = (next: FindingDraft) => {
    setFailure(undefined);
    setDraft(next);
  };
  const save = () => {
    if (problem) return;
    record.mutate(
      { params: { path: { id: inspectionId, dossierId: item.dossierId } }, body: findingBody(draft) },
      { onError: (error) => setFailure(failureText(error)) },
    );
  };

  return (
    <Flex vertical gap={6} style={{ minWidth: 240, maxWidth: 320 }} data-testid={`finding-editor-${item.code}`}>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        size="small"
        value={draft.verdict}
        disabled={record.isPending}
        onChange={(event) => update(withVerdict(draft, event.target.value))}
        options={FINDING_VERDICTS.map((verdict) => ({ value: verdict, label: verdictLabel(verdict) }))}
      />
      {draft.verdict === 'PROBLEM' && (
        <Select
          size="small"
          aria-label={t('oversight.inspections.finding.category')}
          placeholder={t('oversight.inspections.finding.categoryPlaceholder')}
          value={draft.category}
          disabled={record.isPending}
          status={problem === 'categoryRequired' ? 'warning' : undefined}
          onChange={(category) => update(withCategory(draft, category))}
          options={FINDING_CATEGORIES.map((category) => ({ value: category, label: categoryLabel(category) }))}
          popupMatchSelectWidth={false}
          data-testid="finding-category-select"
        />
      )}
      {draft.verdict && (
        <Input.TextArea
          size="small"
          aria-label={t('oversight.inspections.finding.note')}
          placeholder={t('oversight.inspections.finding.notePlaceholder')}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={NOTE_MAX}
          value={draft.note}
          disabled={record.isPending}
          onChange={(event) => update(withNote(draft, event.target.value))}
        />
      )}
      {problem === 'categoryRequired' && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('oversight.inspections.finding.categoryRequired')}
        </Typography.Text>
      )}
      {failure && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="finding-error">
          {failure}
        </Typography.Text>
      )}
      {dirty ? (
        <Space size={4}>
          <Button type="primary" size="small" disabled={Boolean(problem)} loading={record.isPending} onClick={save}>
            {t('oversight.inspections.finding.save')}
          </Button>
          {item.finding && (
            <Button size="small" type="text" disabled={record.isPending} onClick={() => update(draftOf(item.finding))}>
              {t('oversight.inspections.finding.reset')}
            </Button>
          )}
        </Space>
      ) : (
        item.finding && <RecordedBy finding={item.finding} />
      )}
    </Flex>
  );
}
