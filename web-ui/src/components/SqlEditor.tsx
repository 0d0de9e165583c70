// CodeMirror 6 with SQL: completion of the aliases and columns the license allows; Ctrl+Enter runs.
import { useEffect, useRef } from 'react';
import { basicSetup, EditorView } from 'codemirror';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { sql, StandardSQL, type SQLNamespace } from '@codemirror/lang-sql';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

/** Syntax colours with at least 4.5:1 contrast on white (CodeMirror's defaults are lighter). */
const CONTRAST = HighlightStyle.define([
  { tag: tags.keyword, color: '#5c0099' },
  { tag: [tags.string, tags.special(tags.string)], color: '#8a1010' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: '#0b5a1a' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: '#5c4a00', fontStyle: 'italic' },
  { tag: [tags.typeName, tags.standard(tags.name)], color: '#00535a' },
  { tag: [tags.operator, tags.punctuation, tags.bracket], color: '#262626' },
  { tag: [tags.name, tags.variableName, tags.propertyName, tags.special(tags.name)], color: '#1f1f1f' },
]);

export interface SqlSchema {
  [alias: string]: string[];
}

export function SqlEditor({
  value,
  onChange,
  onRun,
  schema,
  label,
  readOnly = false,
  minHeight = 160,
}: {
  value: string;
  onChange?: (value: string) => void;
  onRun?: () => void;
  schema?: SqlSchema;
  label: string;
  readOnly?: boolean;
  minHeight?: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  const handlers = useRef({ onChange, onRun });
  handlers.current = { onChange, onRun };

  useEffect(() => {
    if (!host.current) return undefined;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          Prec.high(syntaxHighlighting(CONTRAST)),
          language.current.of(sql({ dialect: StandardSQL, schema: (schema ?? {}) as SQLNamespace, upperCaseKeywords: true })),
          Prec.highest(
            keymap.of([
              {
                key: 'Mod-Enter',
                run: () => {
                  handlers.current.onRun?.();
                  return true;
                },
              },
            ]),
          ),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) handlers.current.onChange?.(u.state.doc.toString());
          }),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          EditorView.lineWrapping,
          EditorView.theme({
            '&': { minHeight: `${minHeight}px`, fontSize: '14px', color: '#1f1f1f', backgroundColor: '#fff' },
            '.cm-scroller': { minHeight: `${minHeight}px` },
            '.cm-gutters': { color: '#595959', backgroundColor: '#f5f5f5' },
            '.cm-activeLine': { backgroundColor: '#f0f5ff' },
            '.cm-activeLineGutter': { backgroundColor: '#e6f0ff', color: '#262626' },
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is made once; value and schema changes are dispatched below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch({
      effects: language.current.reconfigure(sql({ dialect: StandardSQL, schema: (schema ?? {}) as SQLNamespace, upperCaseKeywords: true })),
    });
  }, [schema]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current !== value) v.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  return <div ref={host} className="pdx-sql-editor" data-testid="sql-editor" />;
}
