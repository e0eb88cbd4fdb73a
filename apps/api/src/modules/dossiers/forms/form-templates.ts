import { STATUS_LABELS_VI, toLocalIso } from '@motcua/domain';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DossierEvent } from '../entities/dossier-event.entity';
import type { Dossier } from '../entities/dossier.entity';
import type { ControlSheetRow } from '../routing/routing.dto';

/** What every form needs beyond the dossier itself. */
export interface FormContext {
  dossier: Dossier;
  procedureName: string;
  receivingAgencyName: string;
  competentAgencyName: string;
  timeline: DossierEvent[];
  /** Public lookup address printed as text and as a QR code on the receipt. */
  lookupUrl: string;
  printedBy: string;
  /** The route's handovers (Form 06), when the dossier was forwarded along a process template. */
  controlSheet: ControlSheetRow[];
}

export const FORMS = ['01', '02', '03', '04', '05', '06', '07'] as const;
export type FormNumber = (typeof FORMS)[number];

export const FORM_TITLES: Record<FormNumber, string> = {
  '01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  '04': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  '05': 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
  '06': 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  '07': 'SỔ THEO DÕI HỒ SƠ (TRÍCH)',
};

/** The timeline event a form documents; a form exists only once its event happened. */
export const FORM_EVENTS: Record<FormNumber, string | null> = {
  '01': 'accept',
  '02': 'request-supplement',
  '03': 'refuse',
  '04': 'apologize',
  '05': 'stop',
  '06': null,
  '07': null,
};

/** dd/MM/yyyy HH:mm in Vietnam time. */
export function viDateTime(t: Date | null | undefined): string {
  if (!t) return '—';
  const iso = toLocalIso(t); // 2026-02-23T09:00:00+07:00
  return `${iso.slice(11, 16)} ngày ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function header(agencyName: string, code: string): Content {
  return {
    columns: [
      {
        width: '45%',
        stack: [
          { text: 'ỦY BAN NHÂN DÂN TỈNH AN GIANG', fontSize: 10 },
          { text: agencyName.toUpperCase(), bold: true, fontSize: 10 },
          { text: `Mã hồ sơ: ${code}`, fontSize: 9, margin: [0, 4, 0, 0] },
        ],
        alignment: 'center',
      },
      {
        width: '55%',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 10 },
          { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 10, decoration: 'underline' },
        ],
        alignment: 'center',
      },
    ],
    margin: [0, 0, 0, 16],
  };
}

function applicantLines(d: Dossier): Content[] {
  const a = d.applicant;
  return [
    { text: [{ text: 'Tổ chức, cá nhân: ', bold: true }, a.fullName] },
    ...(a.address ? [{ text: [{ text: 'Địa chỉ: ', bold: true }, a.address] }] : []),
    ...(a.phone ? [{ text: [{ text: 'Số điện thoại: ', bold: true }, a.phone] }] : []),
  ];
}

function signature(left: string, right: string): Content {
  return {
    columns: [
      {
        width: '50%',
        stack: [
          { text: left, bold: true },
          { text: '(Ký, ghi rõ họ tên)', italics: true, fontSize: 9 },
        ],
        alignment: 'center',
      },
      {
        width: '50%',
        stack: [
          { text: right, bold: true },
          { text: '(Ký, ghi rõ họ tên)', italics: true, fontSize: 9 },
        ],
        alignment: 'center',
      },
    ],
    margin: [0, 24, 0, 0],
  };
}

function lastEvent(timeline: DossierEvent[], action: string): DossierEvent | undefined {
  return [...timeline].reverse().find((e) => e.action === action);
}

function body(form: FormNumber, ctx: FormContext): Content[] {
  const { dossier: d } = ctx;
  const event = FORM_EVENTS[form] ? lastEvent(ctx.timeline, FORM_EVENTS[form] as string) : undefined;
  const intro: Content[] = [{ text: [{ text: 'Thủ tục: ', bold: true }, ctx.procedureName] }, ...applicantLines(d)];
  switch (form) {
    case '01':
      return [
        { text: `${ctx.receivingAgencyName} tiếp nhận hồ sơ của:`, margin: [0, 0, 0, 4] },
        ...applicantLines(d),
        { text: [{ text: 'Nội dung yêu cầu giải quyết: ', bold: true }, ctx.procedureName], margin: [0, 4, 0, 8] },
        {
          table: {
            headerRows: 1,
            widths: [24, '*', 80, 40],
            body: [
              [
                { text: 'TT', bold: true },
                { text: 'Thành phần hồ sơ', bold: true },
                { text: 'Loại', bold: true },
                { text: 'Số lượng', bold: true },
              ],
              ...d.documents.map((doc, i) => [
                String(i + 1),
                doc.name,
                { ORIGINAL: 'Bản chính', COPY: 'Bản sao', ELECTRONIC: 'Bản điện tử' }[doc.kind],
                String(doc.count),
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 8],
        },
        { text: [{ text: 'Thời gian nhận hồ sơ: ', bold: true }, viDateTime(d.receivedAt)] },
        { text: [{ text: 'Thời gian trả kết quả giải quyết hồ sơ: ', bold: true }, viDateTime(d.apologyDueAt ?? d.dueAt)] },
        { text: [{ text: 'Cơ quan giải quyết: ', bold: true }, ctx.competentAgencyName] },
        {
          columns: [
            {
              width: '*',
              stack: [
                { text: 'Tra cứu tình trạng hồ sơ (không cần tài khoản):', bold: true, margin: [0, 10, 0, 2] },
                { text: ctx.lookupUrl, fontSize: 9, color: '#1a4f8b' },
                {
                  text: [
                    { text: 'Mã tra cứu: ', bold: true },
                    { text: d.lookupSecret, fontSize: 13, bold: true },
                  ],
                  margin: [0, 4, 0, 0],
                },
              ],
            },
            { width: 100, qr: ctx.lookupUrl, fit: 96, margin: [0, 8, 0, 0] },
          ],
        },
        signature('NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ'),
      ];
    case '02':
      return [
        ...intro,
        { text: 'Hồ sơ cần bổ sung, hoàn thiện với nội dung sau:', bold: true, margin: [0, 8, 0, 4] },
        { text: event?.reason ?? '' },
        { text: 'Thời gian giải quyết tạm dừng cho đến khi nhận đủ hồ sơ bổ sung.', italics: true, margin: [0, 8, 0, 0] },
        signature('NGƯỜI NỘP HỒ SƠ', 'NGƯỜI HƯỚNG DẪN'),
      ];
    case '03':
      return [
        ...intro,
        { text: 'Lý do từ chối tiếp nhận, giải quyết:', bold: true, margin: [0, 8, 0, 4] },
        { text: event?.reason ?? '' },
        signature('NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN'),
      ];
    case '04':
      return [
        ...intro,
        { text: [{ text: 'Ngày hẹn trả kết quả trước đây: ', bold: true }, viDateTime(d.dueAt)], margin: [0, 8, 0, 0] },
        { text: 'Lý do chậm trễ:', bold: true, margin: [0, 8, 0, 4] },
        { text: event?.reason ?? '' },
        { text: `${ctx.competentAgencyName} xin lỗi ông/bà và hẹn trả kết quả vào: ${viDateTime(d.apologyDueAt)}.`, margin: [0, 8, 0, 0] },
        signature('', 'THỦ TRƯỞNG CƠ QUAN'),
      ];
    case '05':
      return [
        ...intro,
        { text: 'Lý do dừng giải quyết hồ sơ:', bold: true, margin: [0, 8, 0, 4] },
        { text: event?.reason ?? '' },
        signature('', 'THỦ TRƯỞNG CƠ QUAN'),
      ];
    case '07':
      return [trackingBookLine(ctx)];
    case '06':
      if (ctx.controlSheet.length) return [...intro, controlSheetTable(ctx.controlSheet)];
      return [
        ...intro,
        {
          table: {
            headerRows: 1,
            widths: [90, 70, '*', 90, 70],
            body: [
              [
                { text: 'Thời gian', bold: true },
                { text: 'Thao tác', bold: true },
                { text: 'Người thực hiện', bold: true },
                { text: 'Trạng thái', bold: true },
                { text: 'Ghi chú', bold: true },
              ],
              ...ctx.timeline.map((e) => [
                viDateTime(e.at),
                e.action,
                e.actorName ?? '',
                STATUS_LABELS_VI[e.toStatus as keyof typeof STATUS_LABELS_VI] ?? e.toStatus,
                e.reason ?? '',
              ]),
            ],
          },
          fontSize: 9,
          margin: [0, 8, 0, 0],
        },
      ];
  }
}

const RESULT_VI = { EARLY: 'Trước hạn', ON_TIME: 'Đúng hạn', LATE: 'Quá hạn' } as const;

/** Form 06: each handover — who gave, who received, when — and the step's result. */
function controlSheetTable(rows: ControlSheetRow[]): Content {
  const when = (iso: string | null) => (iso ? viDateTime(new Date(iso)) : '');
  const cell = (text: string) => ({ text, bold: true });
  return {
    table: {
      headerRows: 1,
      widths: [60, 62, 62, 62, 50, 50, '*'],
      body: [
        [
          cell('Bước, cơ quan'),
          cell('Giao: người, thời gian'),
          cell('Nhận: người, thời gian'),
          cell('Hạn xử lý'),
          cell('Hoàn thành'),
          cell('Kết quả'),
          cell('Ghi chú'),
        ],
        ...rows.map((r) => [
          `${r.seq}. ${r.step} — ${r.agencyName}`,
          [r.givenBy ?? '', when(r.givenAt)].filter(Boolean).join('\n'),
          [r.receivedBy ?? '', when(r.receivedAt)].filter(Boolean).join('\n'),
          when(r.dueAt),
          when(r.completedAt),
          r.result ? RESULT_VI[r.result] : r.status === 'CANCELLED' ? 'Đã dừng' : '',
          [r.returnReason ? `Trả lại: ${r.returnReason}` : '', r.note ?? ''].filter(Boolean).join('\n'),
        ]),
      ],
    },
    fontSize: 8,
    margin: [0, 8, 0, 0],
  };
}

/**
 * The dossier's line of the reception point's tracking book: received, forwarded to the competent
 * agency, result back, returned. The whole book of an agency and period is a report.
 */
function trackingBookLine(ctx: FormContext): Content {
  const { dossier: d } = ctx;
  const at = (action: string) => viDateTime(lastEvent(ctx.timeline, action)?.at);
  const contact = [d.applicant.address, d.applicant.phone].filter(Boolean).join('; ');
  const cell = (text: string) => ({ text, bold: true, alignment: 'center' as const });
  return {
    table: {
      headerRows: 1,
      widths: [16, 70, '*', 30, 70, 70, 70, 52, 52, 52, 52, 52, 50],
      body: [
        [
          cell('TT'),
          cell('Mã hồ sơ'),
          cell('Tên thủ tục hành chính'),
          cell('Số lượng hồ sơ (bộ)'),
          cell('Tên cá nhân, tổ chức'),
          cell('Địa chỉ, số điện thoại'),
          cell('Cơ quan chủ trì giải quyết'),
          cell('Nhận hồ sơ'),
          cell('Hẹn trả kết quả'),
          cell('Chuyển hồ sơ đến cơ quan giải quyết'),
          cell('Nhận kết quả từ cơ quan giải quyết'),
          cell('Trả kết quả'),
          cell('Ghi chú'),
        ],
        [
          '1',
          d.code,
          ctx.procedureName,
          '1',
          d.applicant.fullName,
          contact,
          ctx.competentAgencyName,
          viDateTime(d.receivedAt),
          viDateTime(d.apologyDueAt ?? d.dueAt),
          at('forward'),
          at('issue-result'),
          viDateTime(d.returnedAt),
          STATUS_LABELS_VI[d.status],
        ],
      ],
    },
    fontSize: 8,
  };
}

export function formDefinition(form: FormNumber, ctx: FormContext): TDocumentDefinitions {
  return {
    info: { title: `${FORM_TITLES[form]} — ${ctx.dossier.code}`, author: ctx.receivingAgencyName, subject: ctx.procedureName },
    pageSize: 'A4',
    pageOrientation: form === '07' ? 'landscape' : 'portrait',
    pageMargins: form === '07' ? [30, 30, 30, 40] : [50, 40, 40, 40],
    content: [
      header(form === '01' || form === '02' || form === '03' ? ctx.receivingAgencyName : ctx.competentAgencyName, ctx.dossier.code),
      { text: FORM_TITLES[form], bold: true, fontSize: 13, alignment: 'center', margin: [0, 0, 0, 12] },
      ...body(form, ctx),
    ],
    footer: (page, pages) => ({
      text: `Mẫu ${form} — In bởi ${ctx.printedBy} lúc ${viDateTime(new Date())} — Trang ${page}/${pages}`,
      fontSize: 8,
      alignment: 'center',
      color: '#666',
    }),
  };
}
