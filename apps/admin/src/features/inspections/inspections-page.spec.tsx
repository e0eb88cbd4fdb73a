import type { Schemas } from '@motcua/api-client';
import type { Role } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';
import { INSPECTION_ID, inspection, sampleItem, STP_ID } from './inspection-fixtures';

type Agency = Schemas['AgencyResponse'];

const OWN_AGENCY = '00000000-0000-4000-8000-0000000000a1';

function agency(id: string, name: string, parentId: string | null): Agency {
  return {
    id,
    code: `000.00.${id.slice(-2)}.H01`,
    name,
    shortName: null,
    level: parentId ? 'DEPARTMENT' : 'PROVINCE',
    parentId,
    isReceptionPoint: false,
    address: null,
    phone: null,
    successorId: null,
    validFrom: null,
    validTo: null,
    version: 1,
  };
}

const AGENCIES = [agency(OWN_AGENCY, 'Ủy ban nhân dân tỉnh An Giang', null), agency(STP_ID, 'Sở Tư pháp tỉnh An Giang', OWN_AGENCY)];

function stubApi(roles: Role[], routes: Record<string, FakeRoute> = {}) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(roles, { agencyId: OWN_AGENCY }) },
    'GET /api/health': HEALTHY,
    'GET /api/agencies': { status: 200, body: AGENCIES },
    'GET /api/procedures': { status: 200, body: { items: [], nextCursor: null } },
    'GET /api/inspections': { status: 200, body: { items: [inspection([sampleItem(1)])], nextCursor: null } },
    'GET /api/inspections/{id}': { status: 200, body: inspection([sampleItem(1)]) },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

const posted = (api: ReturnType<typeof stubApi>) => api.calls.filter((call) => call.method === 'POST' && call.path === '/api/inspections');

async function typeDate(form: HTMLElement, label: string, value: string) {
  const input = within(form).getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
}

async function fillOpenForm(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByTestId('inspection-open'));
  const form = await screen.findByTestId('inspection-open-form');
  fireEvent.change(within(form).getByLabelText('Tên đợt kiểm tra'), { target: { value: '  Kiểm tra tháng 5/2026 tại Sở Tư pháp ' } });
  // The official's own agency is chosen to begin with, once the tree has loaded.
  await within(form).findByText('Ủy ban nhân dân tỉnh An Giang');
  fireEvent.mouseDown(within(form).getByLabelText('Cơ quan được kiểm tra'));
  fireEvent.click(await screen.findByTitle('Sở Tư pháp tỉnh An Giang'));
  await typeDate(form, 'Tiếp nhận từ ngày', '01/05/2026');
  await typeDate(form, 'Đến ngày', '31/05/2026');
  fireEvent.change(within(form).getByLabelText('Số hồ sơ của mẫu'), { target: { value: '12' } });
  return form;
}

describe('inspections', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the inspections of the scope with their progress, and offers “Mở đợt kiểm tra” only to auditors', async () => {
    stubApi(['LEADER']);
    renderApp('/thanh-tra');
    const table = await screen.findByTestId('inspection-table');
    const row = (await within(table).findByText('Kiểm tra giải quyết TTHC tháng 5/2026 tại Sở Tư pháp')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Sở Tư pháp tỉnh An Giang')).toBeTruthy();
    expect(within(row).getByText('01/05/2026 – 31/05/2026')).toBeTruthy();
    expect(within(row).getByText('1/42 hồ sơ')).toBeTruthy();
    expect(within(row).getByText('Đang kiểm tra')).toBeTruthy();
    expect(screen.queryByTestId('inspection-open')).toBeNull();
  });

  it('opens an inspection with the chosen scope, period and sample size, then shows it', async () => {
    const api = stubApi(['AUDITOR'], {
      'POST /api/inspections': { status: 201, body: inspection([sampleItem(1)]) },
    });
    renderApp('/thanh-tra');
    await fillOpenForm();
    fireEvent.click(screen.getByTestId('inspection-open-submit'));
    await waitFor(() => expect(posted(api)).toHaveLength(1));
    expect(posted(api)[0].body).toEqual({
      title: 'Kiểm tra tháng 5/2026 tại Sở Tư pháp',
      agencyId: STP_ID,
      from: '2026-05-01',
      to: '2026-05-31',
      sampleSize: 12,
    });
    expect(await screen.findByTestId('inspection-seed')).toBeTruthy();
    expect(api.calls.some((call) => call.path === `/api/inspections/${INSPECTION_ID}`)).toBe(true);
  });

  it('puts the API’s refusals under the fields they concern', async () => {
    const api = stubApi(['AUDITOR'], {
      'POST /api/inspections': problem(400, 'VALIDATION_FAILED', 'Dữ liệu không hợp lệ', [
        { field: 'to', rule: 'maxPeriod', message: 'Kỳ kiểm tra dài tối đa 5 năm' },
        { field: 'seed', rule: 'matches', message: 'seed chỉ gồm chữ, số, dấu chấm, gạch dưới, gạch ngang (tối đa 64 ký tự)' },
      ]),
    });
    renderApp('/thanh-tra');
    const form = await fillOpenForm();
    fireEvent.change(within(form).getByLabelText('Hạt giống chọn mẫu (seed)'), { target: { value: 'dot-1' } });
    fireEvent.click(screen.getByTestId('inspection-open-submit'));
    await waitFor(() => expect(posted(api)).toHaveLength(1));
    expect(posted(api)[0].body).toMatchObject({ seed: 'dot-1' });
    const toField = within(form).getByLabelText('Đến ngày').closest('.ant-form-item') as HTMLElement;
    expect(await within(toField).findByText('Kỳ kiểm tra dài tối đa 5 năm')).toBeTruthy();
    const seedField = within(form).getByLabelText('Hạt giống chọn mẫu (seed)').closest('.ant-form-item') as HTMLElement;
    expect(within(seedField).getByText('seed chỉ gồm chữ, số, dấu chấm, gạch dưới, gạch ngang (tối đa 64 ký tự)')).toBeTruthy();
    // Every error found its field: nothing is left for the banner above the form.
    expect(screen.queryByTestId('inspection-open-error')).toBeNull();
  });

  it('refuses a seed with diacritics before asking the API', async () => {
    const api = stubApi(['AUDITOR']);
    renderApp('/thanh-tra');
    const form = await fillOpenForm();
    fireEvent.change(within(form).getByLabelText('Hạt giống chọn mẫu (seed)'), { target: { value: 'đợt một' } });
    fireEvent.click(screen.getByTestId('inspection-open-submit'));
    expect(
      await within(form).findByText('Hạt giống chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang (tối đa 64 ký tự)'),
    ).toBeTruthy();
    expect(posted(api)).toHaveLength(0);
  });
});
