import {
  Link,
  Menu,
  MenuButton,
  MenuItem,
  MenuItemLink,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ApiRefusal, type ApiClient } from '../api';
import type { ReportFormat } from '../api-types';
import { useLoad } from './useLoad';

const CHOICES: { format: ReportFormat; label: string }[] = [
  { format: 'docx', label: 'Word document' },
  { format: 'html', label: 'Web page' },
];

type Opening = { state: 'idle' } | { state: 'opening' } | { state: 'failed'; message: string; url: string | null };

/**
 * "Download committee report", for the people who may make it (chairs, executives and administrators:
 * the server says so in /api/tab/me). In local mode each choice is a plain link to the file; in Teams
 * the tab asks for a short-lived link signed for the person, and Teams opens it in the browser.
 */
export function ReportMenu(props: { client: ApiClient; planId: string; openLink: (url: string) => Promise<void> }) {
  const me = useLoad('me', () => props.client.me());
  const [opening, setOpening] = useState<Opening>({ state: 'idle' });
  const plan = me.state === 'done' ? me.value.plans.find((p) => p.id === props.planId) : undefined;
  if (!plan?.mayMakeReport) return null;

  async function open(format: ReportFormat) {
    setOpening({ state: 'opening' });
    let url: string | null = null;
    try {
      url = (await props.client.reportLink(props.planId, format)).url;
      await props.openLink(url);
      setOpening({ state: 'idle' });
    } catch (error) {
      const message =
        error instanceof ApiRefusal
          ? error.message
          : url
            ? 'The report could not be opened from here: use this link instead.'
            : 'The report could not be made just now. Please try again.';
      setOpening({ state: 'failed', message, url });
    }
  }

  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton disabled={opening.state === 'opening'}>
            {opening.state === 'opening' ? 'Opening the report…' : 'Download committee report'}
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {CHOICES.map(({ format, label }) => {
              const href = props.client.reportFile(props.planId, format);
              return href ? (
                // The Word file downloads; the web page opens beside the tab, ready to read or print.
                <MenuItemLink
                  key={format}
                  href={href}
                  {...(format === 'docx' ? { download: true } : { target: '_blank', rel: 'noopener' })}
                >
                  {label}
                </MenuItemLink>
              ) : (
                <MenuItem key={format} onClick={() => void open(format)}>
                  {label}
                </MenuItem>
              );
            })}
          </MenuList>
        </MenuPopover>
      </Menu>
      {opening.state === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert" style={{ flexBasis: '100%' }}>
          <MessageBarBody>
            {opening.message}{' '}
            {opening.url && (
              <Link href={opening.url} target="_blank" rel="noopener">
                Open the committee report
              </Link>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
