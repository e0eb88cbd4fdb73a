import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHARTED, comparisonRows, formatIndicator, indicatorLabel } from './comparison-rows';
import type { PilotComparison } from './pilot-labels';

const BEFORE_COLOR = '#bfbfbf';
const DURING_COLOR = '#b71c1c';

/**
 * The four indicators as small bar charts — pilot agencies and other agencies side by side, before
 * vs during — with the same numbers as the table (a bar is missing where nothing was counted).
 */
export function ComparisonChart({ comparison }: { comparison: PilotComparison }) {
  const { t } = useTranslation();
  const rows = comparisonRows(comparison).filter((row) => CHARTED.includes(row.key));
  const before = t('oversight.pilots.comparison.before');
  const during = t('oversight.pilots.comparison.during');
  return (
    <Row gutter={[16, 16]} data-testid="pilot-comparison-chart">
      {rows.map((row) => {
        const data = [
          { group: t('oversight.pilots.comparison.pilotShort'), [before]: row.pilot.before, [during]: row.pilot.during },
          { group: t('oversight.pilots.comparison.otherShort'), [before]: row.other.before, [during]: row.other.during },
        ];
        const format = (value: unknown) => (typeof value === 'number' ? formatIndicator(row.kind, value) : '');
        return (
          <Col key={row.key} xs={24} md={12} xl={6}>
            <Card size="small" title={indicatorLabel(row.key)}>
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={data} margin={{ top: 20, right: 8, bottom: 0, left: -16 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="group" tick={{ fontSize: 12 }} interval={0} />
                  <YAxis tick={{ fontSize: 12 }} domain={row.kind === 'percent' ? [0, 100] : [0, 'auto']} />
                  <Tooltip formatter={(value) => format(value)} />
                  {/* In the order drawn (before, then during), not alphabetical. */}
                  <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
                  <Bar dataKey={before} fill={BEFORE_COLOR} isAnimationActive={false}>
                    <LabelList dataKey={before} position="top" formatter={format} style={{ fontSize: 11 }} />
                  </Bar>
                  <Bar dataKey={during} fill={DURING_COLOR} isAnimationActive={false}>
                    <LabelList dataKey={during} position="top" formatter={format} style={{ fontSize: 11 }} />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
