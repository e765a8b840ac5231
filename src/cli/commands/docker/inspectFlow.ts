import type { World } from '../../../engine/world';
import type { CommandOutput, OutChunk } from '../../types';
import { containerInspectJson } from '../../format/containerInspect';
import { daemonMessage } from '../../format/daemonErrors';
import { compactJson, indentJson, type JsonValue } from '../../format/goJson';
import { type TemplateOptions, executeTemplate, parseTemplate } from '../../format/gotemplate';
import { CONTAINER_TYPES, NETWORK_TYPES } from '../../format/inspectTypes';
import { networkInspectJson } from '../../format/networkInspect';
import { findContainer, findNetwork } from '../../../engine/docker/lookup';

/** What a GetRefFunc found: the element with its Go types, or the error text. */
export type Found = { ok: true; json: { [k: string]: JsonValue }; types: TemplateOptions } | { ok: false; error: string };

/**
 * cli/command/inspect/inspector.go `Inspect` (docker/cli v28.5.2): a bad template exits 64 before
 * any lookup; each reference is looked up in turn (failures collected); the JSON inspectors print
 * `[]` when nothing was found, the template inspector a lone newline; the collected errors are
 * joined by newlines on stderr and the exit code is 1.
 */
export function inspectRefs(refs: readonly string[], format: string, getRef: (ref: string) => Found, warnings: string[] = []): CommandOutput {
  const out: OutChunk[] = [];
  let tmpl = null;
  if (format !== '' && format !== 'json') {
    const p = parseTemplate(format);
    if (!p.ok) return { out: [{ stream: 'err', text: `template parsing error: ${p.error}\n` }], exitCode: 64 };
    tmpl = p.template;
  }
  const errors: string[] = [];
  const elements: JsonValue[] = [];
  let text = '';
  for (const ref of refs) {
    const found = getRef(ref);
    if (!found.ok) {
      errors.push(found.error);
      continue;
    }
    if (tmpl === null) {
      elements.push(found.json);
      continue;
    }
    // TemplateInspector.Inspect: the typed element first, then the raw JSON as maps.
    const typed = executeTemplate(tmpl, found.json, { objects: 'struct', ...found.types });
    if (typed.ok) {
      text += `${typed.output}\n`;
      continue;
    }
    const raw = executeTemplate(tmpl, found.json, { objects: 'map', missingKey: 'error' });
    if (raw.ok) text += `${raw.output}\n`;
    else errors.push(`template parsing error: ${raw.error}`);
  }
  // Warnings (`--size ignored`) are printed while looking up, before the output is flushed.
  for (const w of warnings) out.push({ stream: 'err', text: w });
  if (tmpl !== null) out.push({ stream: 'out', text: text === '' ? '\n' : text });
  else if (elements.length === 0) out.push({ stream: 'out', text: '[]\n' });
  else out.push({ stream: 'out', text: `${format === 'json' ? compactJson(elements) : indentJson(elements)}\n` });
  if (errors.length) out.push({ stream: 'err', text: `${errors.join('\n')}\n` });
  return { out, exitCode: errors.length ? 1 : 0 };
}

/** ContainerInspectWithRaw as a GetRefFunc. */
export function containerRef(w: World, ref: string): Found {
  const c = findContainer(w, ref);
  if (!c) return { ok: false, error: `Error response from daemon: ${daemonMessage({ code: 'no-such-container', data: { ref } })}` };
  return { ok: true, json: containerInspectJson(w, c), types: CONTAINER_TYPES };
}

/** NetworkInspectWithRaw as a GetRefFunc. */
export function networkRef(w: World, ref: string): Found {
  const found = findNetwork(w, ref);
  if (!found.ok) {
    return { ok: false, error: `Error response from daemon: ${daemonMessage({ code: found.code, data: { ref, matches: found.matches, by: found.by } })}` };
  }
  return { ok: true, json: networkInspectJson(w, found.net), types: NETWORK_TYPES };
}
