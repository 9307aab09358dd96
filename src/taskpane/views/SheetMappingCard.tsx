/** One sheet of the mapping view: field drop-downs, a five-row preview, and its own save button. */
import * as React from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ChurnDeskActions, DetectedSheetSummary, SheetPreview } from '../../office/actions';
import type { Field as SheetField } from '../../core/sheets/types';
import { formatIso, serialToYmd } from '../../core/values/dates';
import { needsMappingText } from '../../core/sheets/needsMappingText';
import { useLocale, useT } from '../i18nContext';
import { Section } from '../components/Section';
import { ResultRegion, type Outcome } from '../components/ResultRegion';
import { describeError } from '../describeError';
import { FIELDS_BY_KIND, REQUIRED_GROUPS, isRequiredField, unsatisfiedGroups } from '../sheetFields';

const useStyles = makeStyles({
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  dropdown: { minWidth: 0, width: '100%' },
  preview: { overflowX: 'auto', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { tableLayout: 'auto', width: 'max-content', minWidth: '100%' },
  cell: { whiteSpace: 'nowrap', maxWidth: '160px', overflow: 'hidden', textOverflow: 'ellipsis' },
  actions: { display: 'flex', justifyContent: 'flex-end' },
  needs: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
  },
});

/** The option meaning "this field has no column". */
const NONE = '';

/** Fields holding dates: their serial numbers are shown as dates in the preview, as Excel shows them. */
function isDateField(field: string): boolean {
  return field === 'date' || field.endsWith('Date');
}

function formatCell(v: unknown, asDate: boolean): string {
  if (v === null || v === undefined) return '';
  if (asDate && typeof v === 'number' && v > 0 && v < 2958466) return formatIso(serialToYmd(v));
  return String(v);
}

/** `focusField`: the field a refusal was about (a refresh stopped on it): brought into view and marked. */
export function SheetMappingCard(props: { actions: ChurnDeskActions; summary: DetectedSheetSummary; focusField?: SheetField }): React.ReactElement {
  const { actions, summary } = props;
  const t = useT();
  const styles = useStyles();
  const [mapping, setMapping] = React.useState<Partial<Record<SheetField, string>>>(summary.mapping);
  const [preview, setPreview] = React.useState<SheetPreview | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const [saving, setSaving] = React.useState(false);
  const locale = useLocale();
  const needs = summary.needsMapping ?? [];
  const [accepted, setAccepted] = React.useState<ReadonlySet<SheetField>>(new Set());
  const needsRef = React.useRef<HTMLDivElement>(null);
  const focusRef = React.useRef<HTMLDivElement>(null);
  const { focusField } = props;
  // Opened because a refresh stopped on this sheet: bring the field refused (or the fields to ask about) into view.
  React.useEffect(() => {
    if (focusField) focusRef.current?.scrollIntoView?.({ block: 'center' });
    else if (needs.length) needsRef.current?.scrollIntoView?.({ block: 'start' });
  }, [needs.length, focusField]);

  React.useEffect(() => {
    let live = true;
    actions.previewSheet(summary.sheet, 5).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setOutcome({ intent: 'error', title: t('ui.mapping.previewFailed'), message: describeError(e, t) }),
    );
    return () => {
      live = false;
    };
  }, [actions, summary.sheet, t]);

  // Distinct, non-blank headers: a header written twice can still be chosen once.
  const headers = React.useMemo(() => [...new Set(summary.headers.map((h) => h.trim()).filter(Boolean))], [summary.headers]);
  const missingGroups = unsatisfiedGroups(summary.kind, mapping);
  // Header texts currently mapped to a date field, so the preview shows those columns as dates.
  const dateHeaders = React.useMemo(() => {
    const out = new Set<string>();
    for (const [field, header] of Object.entries(mapping)) if (header && isDateField(field)) out.add(header);
    return out;
  }, [mapping]);
  const fieldLabel = (f: SheetField) => t(`ui.field.${f}`);
  const sep = t('ui.common.listSeparator');

  const messageFor = (field: SheetField): string | undefined => {
    // The message goes on the group's first field only, so an unmapped identifier group is said once, not three times.
    const group = missingGroups.find((g) => g[0] === field);
    if (!group) return undefined;
    return group.length === 1 ? t('ui.mapping.requiredOne') : t('ui.mapping.requiredAny', { fields: group.map(fieldLabel).join(sep) });
  };

  const save = async () => {
    setSaving(true);
    setOutcome(null);
    try {
      const clean: Partial<Record<SheetField, string>> = {};
      for (const [f, h] of Object.entries(mapping)) if (h) clean[f as SheetField] = h;
      await actions.saveMapping(summary.sheet, clean, [...accepted]);
      setOutcome({ intent: 'success', message: t('ui.mapping.saved', { sheet: summary.sheet }) });
    } catch (e) {
      setOutcome({ intent: 'error', title: t('ui.mapping.saveFailed'), message: describeError(e, t) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Section
      title={`${summary.sheet} · ${t(`ui.kind.${summary.kind}`)}`}
      aside={<Caption1>{t('ui.home.headerRow', { row: summary.headerRow + 1 })}</Caption1>}
      testId={`mapping-${summary.sheet}`}
    >
      <Caption1>
        {t('ui.mapping.requiredNote', {
          groups: REQUIRED_GROUPS[summary.kind].map((g) => g.map(fieldLabel).join(t('ui.common.or'))).join(sep),
        })}
      </Caption1>
      {needs.length > 0 && (
        <div className={styles.needs} ref={needsRef} data-testid={`needs-${summary.sheet}`} role="alert">
          <Caption1>{t('ui.mapping.needsIntro')}</Caption1>
          {needs.map((n) => {
            const { problem, candidates } = needsMappingText(n, locale);
            return (
              <div key={`${n.reason}-${n.field}`} data-testid={`need-${summary.sheet}-${n.field}`}>
                <Caption1>
                  {problem} {candidates}
                </Caption1>
                {n.reason === 'missing' && (
                  <Checkbox
                    label={t('ui.mapping.acceptMissing', { field: fieldLabel(n.field) })}
                    checked={accepted.has(n.field)}
                    data-testid={`accept-${summary.sheet}-${n.field}`}
                    onChange={(_e, data) =>
                      setAccepted((prev) => {
                        const next = new Set(prev);
                        if (data.checked) next.add(n.field);
                        else next.delete(n.field);
                        return next;
                      })
                    }
                  />
                )}
              </div>
            );
          })}
        </div>
      )}
      <div className={styles.fields}>
        {FIELDS_BY_KIND[summary.kind].map((field) => {
          const value = mapping[field] ?? NONE;
          const asked = needs.find((n) => n.field === field);
          const refused = field === focusField && !asked;
          const message = messageFor(field) ?? (asked ? t(`ui.mapping.asked.${asked.reason}`) : refused ? t('ui.mapping.asked.refused') : undefined);
          return (
            <Field
              key={field}
              ref={field === focusField ? focusRef : undefined}
              data-testid={field === focusField ? `focus-${summary.sheet}-${field}` : undefined}
              label={fieldLabel(field)}
              required={isRequiredField(summary.kind, field)}
              validationState={message ? ((asked || refused) && !messageFor(field) ? 'warning' : 'error') : 'none'}
              validationMessage={message}
              size="small"
            >
              <Dropdown
                className={styles.dropdown}
                size="small"
                data-testid={`map-${summary.sheet}-${field}`}
                value={value || t('ui.mapping.none')}
                selectedOptions={[value]}
                onOptionSelect={(_e, data) => setMapping((m) => ({ ...m, [field]: data.optionValue ?? NONE }))}
              >
                <Option value={NONE}>{t('ui.mapping.none')}</Option>
                {headers.map((h) => (
                  <Option key={h} value={h}>
                    {h}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          );
        })}
      </div>

      <Caption1>{t('ui.mapping.preview')}</Caption1>
      <div className={styles.preview} tabIndex={0} aria-label={t('ui.mapping.preview')}>
        {!preview ? (
          <Spinner size="tiny" label={t('ui.common.loading')} />
        ) : (
          <Table size="extra-small" className={styles.table} data-testid={`preview-${summary.sheet}`}>
            <TableHeader>
              <TableRow>
                {preview.headers.map((h, i) => (
                  <TableHeaderCell key={i} className={styles.cell}>
                    {h}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.rows.map((row, r) => (
                <TableRow key={r}>
                  {preview.headers.map((h, c) => (
                    <TableCell key={c} className={styles.cell}>
                      {formatCell(row[c], dateHeaders.has(h.trim()))}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>

      <ResultRegion outcome={outcome} testId={`mapping-result-${summary.sheet}`} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void save()} disabled={saving} data-testid={`save-mapping-${summary.sheet}`}>
          {t('ui.common.save')}
        </Button>
      </div>
    </Section>
  );
}
