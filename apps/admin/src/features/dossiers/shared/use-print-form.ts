import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage, fetchClient } from '../../../app/api';
import { formLabel, type FormNumber } from '../labels';

const URL_LIFETIME_MS = 5 * 60_000;

/** Saves a file when no tab could be opened for it (pop-ups blocked). */
function saveAs(url: string, filename: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

interface FormRequest {
  code: string;
  form: FormNumber;
}

/**
 * Prints one of the dossier's forms (Mẫu 01–06): the PDF is fetched with the official's token
 * and shown in a new tab, where the browser's viewer prints it. The tab is opened at the click,
 * so pop-up blockers let it through, and filled when the PDF arrives.
 */
export function usePrintForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mutation = useMutation<Blob, unknown, FormRequest & { target: Window | null }>({
    mutationKey: ['get', '/api/dossiers/{code}/forms/{form}'],
    mutationFn: async ({ code, form }) => {
      const { data, error } = await fetchClient.GET('/api/dossiers/{code}/forms/{form}', {
        params: { path: { code, form } },
        parseAs: 'blob',
      });
      if (error) throw error;
      return data;
    },
    onSuccess: (blob, { code, form, target }) => {
      const url = URL.createObjectURL(blob.type === 'application/pdf' ? blob : new Blob([blob], { type: 'application/pdf' }));
      if (target && !target.closed) target.location.href = url;
      else saveAs(url, `mau-${form}-${code}.pdf`);
      setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
    },
    onError: (error, { form, target }) => {
      target?.close();
      void message.error(t('dossiers.forms.failed', { form: formLabel(form), reason: errorMessage(error) }));
    },
  });

  const print = ({ code, form }: FormRequest) => {
    const target = window.open('', '_blank');
    if (target) {
      target.document.title = formLabel(form);
      if (target.document.body) target.document.body.textContent = t('dossiers.forms.preparing');
    }
    mutation.mutate({ code, form, target });
  };

  return { print, pendingForm: mutation.isPending ? mutation.variables?.form : undefined };
}
