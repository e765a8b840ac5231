import type { CommandOutput, CommandSpec, OutChunk } from '../../types';
import { formatFlagError } from '../../flags';
import { daemonError, errorOutput } from '../../format/errors';
import { formatRows } from '../../format/gotemplate';
import { goTimeString } from '../../format/gotemplate-fmt';
import { humanDuration, humanSize, humanSizeWithPrecision } from '../../format/goUnits';
import { localImages, type LocalImage } from '../../format/imageInspect';
import { bool, list, str } from './containerSpec';
import { type FilterArgs, matchKVList, parseFilterFlag, validateFilters } from './listFilters';
import { FORMAT_HELP, jsonLines } from './listFormat';

/**
 * docker images / docker image ls with the classic (graphdriver) image store, the 28.x default:
 * docker/cli v28.5.2 cli/command/image/list.go and cli/command/formatter/image.go. Rows newest
 * first (the daemon's order), one per tag; SIZE is go-units HumanSizeWithPrecision(size, 3).
 */
const HEADER: Readonly<Record<string, string>> = {
  ID: 'IMAGE ID', Repository: 'REPOSITORY', Tag: 'TAG', Digest: 'DIGEST', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT',
  Size: 'SIZE', Containers: 'CONTAINERS', VirtualSize: 'SIZE', SharedSize: 'SHARED SIZE', UniqueSize: 'UNIQUE SIZE',
};
const DEFAULT = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
const WITH_DIGEST = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
const ACCEPTED = ['before', 'dangling', 'label', 'reference', 'since', 'until'];

/** path.Match-style glob (`*`, `?`) anchored on the whole text. */
function glob(pattern: string, text: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${re}$`).test(text);
}

/** The reference filter (daemon/images: reference.FamiliarMatch on name and name:tag). */
function refMatch(pattern: string, img: LocalImage): boolean {
  return glob(pattern, img.repo) || glob(pattern, `${img.repo}:${img.tag}`);
}

function filterImages(all: LocalImage[], f: FilterArgs, now: number): { ok: true; list: LocalImage[] } | { ok: false; error: string } {
  const bad = validateFilters(f, ACCEPTED);
  if (bad) return { ok: false, error: bad };
  for (const v of f.get('dangling') ?? []) {
    if (!['true', 'false', '1', '0'].includes(v)) return { ok: false, error: `invalid filter 'dangling=${v}'` };
  }
  void now;
  return {
    ok: true,
    list: all.filter((img) => {
      const dangling = f.get('dangling') ?? [];
      if (dangling.some((v) => v === 'true' || v === '1')) return false; // every lab image is tagged
      const refs = f.get('reference') ?? [];
      if (refs.length && !refs.some((p) => refMatch(p, img))) return false;
      const extra = img.info as typeof img.info & { labels?: Readonly<Record<string, string>> };
      return matchKVList(f, 'label', extra.labels ?? {});
    }),
  };
}

function row(img: LocalImage, now: number, trunc: boolean, digest: string): Record<string, string> {
  const created = Math.floor(img.created / 1000) * 1000;
  const bytes = Math.round(img.info.sizeMb * 1_000_000);
  return {
    Containers: 'N/A',
    CreatedAt: goTimeString(new Date(created).toISOString().replace('.000Z', 'Z')),
    CreatedSince: `${humanDuration(now - created)} ago`,
    Digest: digest,
    ID: trunc ? img.info.id.slice(0, 12) : `sha256:${img.info.id}`,
    Repository: img.repo,
    SharedSize: 'N/A',
    Size: humanSizeWithPrecision(bytes, 3),
    Tag: img.tag,
    UniqueSize: 'N/A',
    VirtualSize: humanSize(bytes),
  };
}

export const dockerImages: CommandSpec = {
  path: ['docker', 'images'],
  aliases: [['docker', 'image', 'ls'], ['docker', 'image', 'list']],
  usage: 'docker images [OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  flags: [
    { long: 'all', short: 'a', kind: 'bool', help: 'Show all images (default hides intermediate images)' },
    { long: 'digests', kind: 'bool', help: 'Show digests' },
    { long: 'filter', short: 'f', kind: 'list', valueName: 'filter', help: 'Filter output based on conditions provided' },
    { long: 'format', kind: 'string', valueName: 'string', help: FORMAT_HELP },
    { long: 'no-trunc', kind: 'bool', help: "Don't truncate output" },
    { long: 'quiet', short: 'q', kind: 'bool', help: 'Only show image IDs' },
    { long: 'tree', kind: 'bool', help: 'List multi-platform images as a tree (EXPERIMENTAL)' },
  ],
  args: { min: 0, max: 1 },
  run(ctx, flags): CommandOutput {
    const filter = parseFilterFlag(list(flags, 'filter'));
    if (!filter.ok) return errorOutput(formatFlagError(dockerImages, { kind: 'flag', message: filter.message }, ctx.path), 125);
    const match = flags.args[0];
    const args = new Map(filter.args);
    if (match !== undefined) args.set('reference', [...(args.get('reference') ?? []), match]);
    const now = ctx.world.clock;
    const picked = filterImages(localImages(ctx.world), args, now);
    if (!picked.ok) return errorOutput(daemonError(picked.error), 1);
    const quiet = bool(flags, 'quiet');
    const digests = bool(flags, 'digests');
    const source = str(flags, 'format') ?? '';
    let fmt = source === '' || source === 'table' ? (quiet ? '{{.ID}}' : digests ? WITH_DIGEST : DEFAULT) : source;
    if (source === 'raw') fmt = quiet ? 'image_id: {{.ID}}' : 'repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n';
    if (fmt.startsWith('table') && digests && !fmt.includes('{{.Digest}}')) fmt += '\t{{.Digest}}';
    const needDigest = digests || fmt.includes('{{.Digest}}');
    const trunc = !bool(flags, 'no-trunc');
    const rows = picked.list.map((img) => row(img, now, trunc, needDigest ? img.info.digest : '<none>'));
    const out: OutChunk[] = [];
    if (fmt === 'json' || fmt === '{{json .}}') out.push({ stream: 'out', text: jsonLines(rows) });
    else {
      const r = formatRows(fmt, rows, HEADER, { objects: 'struct', structName: '*formatter.imageContext' });
      if (!r.ok) return errorOutput(r.error, 1);
      out.push({ stream: 'out', text: r.output });
    }
    // printAmbiguousHint: `docker images ls` is a common slip for `docker image ls`.
    const subcommands = ['build', 'history', 'import', 'inspect', 'list', 'load', 'ls', 'prune', 'pull', 'push', 'rm', 'save', 'tag'];
    if (match !== undefined && picked.list.length === 0 && ctx.path.join(' ') === 'docker images' && subcommands.includes(match)) {
      out.push({ stream: 'err', text: `\nNo images found matching "${match}": did you mean "docker image ${match}"?\n` });
    }
    return { out, exitCode: 0 };
  },
};
