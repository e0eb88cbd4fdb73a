import { ArrowDownOutlined, ArrowUpOutlined, CheckCircleFilled, DeleteOutlined, PlusOutlined, WarningFilled } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import { processingHours, templateBudgetHours, templateIssues, type TemplateStep } from '@motcua/domain';
import {
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type FormListFieldData,
  type TableColumnsType,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { formatHours } from '../../app/format';
import { roleLabel, roleOptions } from '../administration/labels';
import { AgencyTreeSelect } from '../agencies/agency-tree-select';
import { actorLabel, options, STEP_ACTORS, type DurationUnit } from './labels';
import { NEW_STEP, templateSteps, type ProcedureFormValues, type StepValues } from './procedure-form-values';

type Step = Schemas['ProcedureStepResponse'];

const PARALLEL_GROUP = /^[a-z0-9-]{1,64}$/;
const COLORS = { within: '#389e0d', exceeded: '#cf1322' };

/**
 * The template's end-to-end budget (parallel steps of one group overlap: the longest counts)
 * against the working hours the processing time allows, in green when it fits and red when not.
 */
export function BudgetIndicator({
  steps,
  allowedHours,
  unit,
}: {
  steps: readonly TemplateStep[];
  allowedHours: number;
  unit?: DurationUnit;
}) {
  const { t } = useTranslation();
  const total = templateBudgetHours(steps);
  const sequential = steps.reduce((sum, step) => sum + step.budgetHours, 0);
  const within = total <= allowedHours;
  const percent = allowedHours > 0 ? Math.round((total / allowedHours) * 100) : total > 0 ? 100 : 0;
  const color = within ? COLORS.within : COLORS.exceeded;
  return (
    <div
      data-testid="budget-indicator"
      data-status={within ? 'within' : 'exceeded'}
      role="status"
      style={{
        border: `1px solid ${color}`,
        background: within ? '#f6ffed' : '#fff1f0',
        borderRadius: 8,
        padding: '12px 16px',
        marginBottom: 16,
      }}
    >
      <Flex align="center" gap={8} wrap>
        {within ? <CheckCircleFilled style={{ color }} /> : <WarningFilled style={{ color }} />}
        <Typography.Text strong style={{ color }}>
          {t('steps.budgetSummary', { total: formatHours(total), allowed: formatHours(allowedHours) })}
        </Typography.Text>
        <Typography.Text style={{ color }}>
          {within
            ? t('steps.budgetSpare', { hours: formatHours(allowedHours - total) })
            : t('steps.budgetOver', { hours: formatHours(total - allowedHours) })}
        </Typography.Text>
      </Flex>
      <Progress
        percent={Math.min(percent, 100)}
        status={within ? 'normal' : 'exception'}
        strokeColor={color}
        format={() => <span style={{ color }}>{percent}%</span>}
        size="small"
      />
      {sequential !== total && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('steps.parallelNote', { sequential: formatHours(sequential) })}
        </Typography.Text>
      )}
      {unit === 'CALENDAR_DAYS' && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('steps.calendarDaysNote')}
        </Typography.Text>
      )}
    </div>
  );
}

/** The process template of a published or retired version, read-only. */
export function StepsTable({ procedure }: { procedure: Schemas['ProcedureResponse'] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Step> = [
    { title: '#', key: 'seq', width: 48, render: (_: unknown, __: Step, index) => index + 1 },
    { title: t('steps.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('steps.actor'),
      key: 'actor',
      render: (_: unknown, step) => (step.actor === 'FIXED' ? (step.agencyName ?? '—') : actorLabel(step.actor)),
    },
    { title: t('steps.role'), dataIndex: 'role', key: 'role', render: (role: Step['role']) => roleLabel(role) },
    {
      title: t('steps.budgetHours'),
      dataIndex: 'budgetHours',
      key: 'budgetHours',
      width: 110,
      render: (hours: number) => formatHours(hours),
    },
    {
      title: t('steps.parallelGroup'),
      dataIndex: 'parallelGroup',
      key: 'parallelGroup',
      render: (group: string | null | undefined) => (group ? <Tag color="cyan">{group}</Tag> : null),
    },
  ];
  return (
    <>
      <BudgetIndicator steps={procedure.steps} allowedHours={procedure.processingHours} unit={procedure.processingUnit} />
      <Table<Step>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={procedure.steps}
        pagination={false}
        locale={{ emptyText: t('steps.empty') }}
      />
    </>
  );
}

/**
 * Quy trình xử lý of a draft: add, remove and reorder steps; each with who acts (the competent
 * agency, the receiving point, or a fixed agency), the role, a budget in working hours and an
 * optional parallel group. The budget indicator follows every keystroke.
 */
export function StepsEditor() {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance<ProcedureFormValues>();
  // `preserve`: the processing time lives on another tab, maybe never opened (so not registered).
  const steps = Form.useWatch('steps', { form, preserve: true }) as StepValues[] | undefined;
  const amount = Form.useWatch('processingAmount', { form, preserve: true }) as number | undefined;
  const unit = Form.useWatch('processingUnit', { form, preserve: true }) as DurationUnit | undefined;
  const allowed = amount && unit ? processingHours(amount, unit) : 0;
  const template = templateSteps(steps);
  const issuesByIndex = new Map<number, string[]>();
  for (const issue of templateIssues(template)) {
    if (issue.rule !== 'parallelGroupNotAdjacent') continue; // budgets are checked on their own field
    issuesByIndex.set(issue.index, [...(issuesByIndex.get(issue.index) ?? []), t('steps.parallelNotAdjacent')]);
  }

  const budgetRule = {
    validator: async () => {
      const values = form.getFieldsValue(['steps', 'processingAmount', 'processingUnit']) as Partial<ProcedureFormValues>;
      if (!values.processingAmount || !values.processingUnit) return;
      const needed = templateBudgetHours(templateSteps(values.steps));
      const limit = processingHours(values.processingAmount, values.processingUnit);
      if (needed > limit) throw new Error(t('steps.budgetExceededError', { total: formatHours(needed), allowed: formatHours(limit) }));
      if (templateIssues(templateSteps(values.steps)).some((issue) => issue.rule === 'parallelGroupNotAdjacent'))
        throw new Error(t('steps.parallelNotAdjacent'));
    },
  };

  return (
    <Form.List name="steps" rules={[budgetRule]}>
      {(fields, { add, remove, move }, { errors }) => {
        const columns: TableColumnsType<FormListFieldData> = [
          {
            title: '#',
            key: 'seq',
            width: 56,
            render: (_: unknown, field, index) => {
              const group = steps?.[field.name]?.parallelGroup;
              return (
                <Flex vertical align="center" gap={2}>
                  <Typography.Text strong>{index + 1}</Typography.Text>
                  {group && (
                    <Tooltip title={t('steps.parallelTooltip', { group })}>
                      <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
                        ∥
                      </Tag>
                    </Tooltip>
                  )}
                </Flex>
              );
            },
          },
          {
            title: t('steps.name'),
            key: 'name',
            render: (_: unknown, field, index) => (
              <Form.Item
                name={[field.name, 'name']}
                rules={[{ required: true, whitespace: true, message: t('steps.nameRequired') }]}
                style={{ margin: 0 }}
              >
                <Input aria-label={t('steps.nameOf', { index: index + 1 })} placeholder={t('steps.namePlaceholder')} />
              </Form.Item>
            ),
          },
          {
            title: t('steps.actor'),
            key: 'actor',
            width: 260,
            render: (_: unknown, field, index) => (
              <Flex vertical gap={4}>
                <Form.Item name={[field.name, 'actor']} rules={[{ required: true }]} style={{ margin: 0 }}>
                  <Select aria-label={t('steps.actorOf', { index: index + 1 })} options={options(STEP_ACTORS, actorLabel)} />
                </Form.Item>
                <Form.Item noStyle dependencies={[['steps', field.name, 'actor']]}>
                  {() =>
                    form.getFieldValue(['steps', field.name, 'actor']) === 'FIXED' ? (
                      <Form.Item
                        name={[field.name, 'agencyId']}
                        rules={[{ required: true, message: t('steps.agencyRequired') }]}
                        style={{ margin: 0 }}
                      >
                        <AgencyTreeSelect aria-label={t('steps.agencyOf', { index: index + 1 })} />
                      </Form.Item>
                    ) : null
                  }
                </Form.Item>
              </Flex>
            ),
          },
          {
            title: t('steps.role'),
            key: 'role',
            width: 150,
            render: (_: unknown, field, index) => (
              <Form.Item name={[field.name, 'role']} rules={[{ required: true }]} style={{ margin: 0 }}>
                <Select aria-label={t('steps.roleOf', { index: index + 1 })} options={roleOptions()} />
              </Form.Item>
            ),
          },
          {
            title: t('steps.budgetHours'),
            key: 'budgetHours',
            width: 120,
            render: (_: unknown, field, index) => (
              <Form.Item
                name={[field.name, 'budgetHours']}
                rules={[
                  { required: true, message: t('steps.budgetRequired') },
                  { type: 'number', min: 0.25, message: t('steps.budgetPositive') },
                  {
                    validator: async (_, value: number | null) =>
                      value == null || Number.isInteger(value * 4) ? undefined : Promise.reject(new Error(t('steps.budgetQuarter'))),
                  },
                ]}
                style={{ margin: 0 }}
              >
                <InputNumber
                  aria-label={t('steps.budgetOf', { index: index + 1 })}
                  min={0}
                  step={0.25}
                  decimalSeparator={i18n.language === 'en' ? '.' : ','}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            ),
          },
          {
            title: t('steps.parallelGroup'),
            key: 'parallelGroup',
            width: 150,
            render: (_: unknown, field, index) => (
              <Form.Item
                name={[field.name, 'parallelGroup']}
                rules={[{ pattern: PARALLEL_GROUP, message: t('steps.parallelGroupPattern') }]}
                style={{ margin: 0 }}
                help={issuesByIndex.get(index)?.join('; ')}
                validateStatus={issuesByIndex.has(index) ? 'warning' : undefined}
              >
                <Input
                  aria-label={t('steps.parallelGroupOf', { index: index + 1 })}
                  placeholder={t('steps.parallelGroupPlaceholder')}
                  allowClear
                />
              </Form.Item>
            ),
          },
          {
            title: '',
            key: 'actions',
            width: 112,
            render: (_: unknown, field, index) => (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                  aria-label={t('steps.moveUp', { index: index + 1 })}
                />
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={index === fields.length - 1}
                  onClick={() => move(index, index + 1)}
                  aria-label={t('steps.moveDown', { index: index + 1 })}
                />
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('steps.remove', { index: index + 1 })}
                />
              </Space>
            ),
          },
        ];
        return (
          <>
            <BudgetIndicator steps={template} allowedHours={allowed} unit={unit} />
            <Table<FormListFieldData>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={fields}
              pagination={false}
              locale={{ emptyText: t('steps.empty') }}
            />
            <Form.ErrorList errors={errors} className="steps-errors" />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ ...NEW_STEP })}
              style={{ marginTop: 12 }}
              data-testid="step-add"
            >
              {t('steps.add')}
            </Button>
          </>
        );
      }}
    </Form.List>
  );
}
