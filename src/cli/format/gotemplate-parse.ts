/**
 * Lexer and parser for Go's text/template, ported from Go 1.24's text/template/parse (lex.go,
 * parse.go, node.go; read from the copy Hugo vendors at tpl/internal/go_templates, synced to
 * Go 1.24). docker/cli v28.5.2 is built with Go 1.24.9 and parses formats with
 * `template.New("").Funcs(…).Parse(format)`, so the template name is "" and errors read
 * `template: :1: unexpected "}" in operand`.
 *
 * Supported: text, comments, trim markers (`{{- ` / ` -}}`), if / else if / else with / with /
 * range (with `$i, $e :=` and `=`), break / continue, pipelines, parenthesised pipelines,
 * chains, variables, literals (strings, raw strings, char constants, numbers, true/false/nil).
 * Not supported (parse error): define / template / block (docker formats do not use them),
 * complex numbers.
 */
import { parseGoInt } from './gotemplate-fmt';
import { type Item, type ItemType, itemString, lex } from './gotemplate-lex';
import { type ArgNode, type CommandNode, type ListNode, type Node, type PipeNode, nodeString } from './gotemplate-nodes';

export type { AnyNode, ArgNode, CommandNode, ListNode, Node, PipeNode } from './gotemplate-nodes';
export { nodeString } from './gotemplate-nodes';

/** The parse tree with its source text (for error positions). */
export interface Template {
  readonly root: ListNode;
  readonly text: string;
}

export class TemplateParseError {
  constructor(readonly message: string) {}
}

/** strconv.Unquote for "…", `…` and '…' tokens. */
function unquote(q: string): string | undefined {
  if (q.startsWith('`')) return q.slice(1, -1).replace(/\r/g, '');
  const body = q.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i] ?? '';
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };
    if (simple[e] !== undefined && (e !== "'" || q[0] === "'") && (e !== '"' || q[0] === '"')) out += simple[e];
    else if (/[xuU0-7]/.test(e)) {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 3;
      const digits = e >= '0' && e <= '7' ? body.slice(i, i + 3) : body.slice(i + 1, i + 1 + len);
      if (!(e >= '0' && e <= '7' ? /^[0-7]{3}$/ : /^[0-9a-fA-F]+$/).test(digits) || digits.length !== len) return undefined;
      const cp = parseInt(digits, e >= '0' && e <= '7' ? 8 : 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
      out += String.fromCodePoint(cp);
      i += e >= '0' && e <= '7' ? 2 : len;
    } else return undefined;
  }
  if (q[0] === "'" && [...out].length !== 1) return undefined;
  return out;
}

/** Parse a template; throws TemplateParseError with Go's message. */
export function parse(text: string): Template {
  const items = lex(text);
  let idx = 0;
  let furthest = 0; // Go reports the line of t.token[0], the furthest token read from the lexer
  let vars: string[] = ['$'];
  let actionLine = 0;
  let rangeDepth = 0;
  const itemAt = (i: number): Item => items[Math.min(i, items.length - 1)] ?? { typ: 'EOF', pos: 0, val: 'EOF', line: 1 };
  const errorf = (msg: string): never => {
    throw new TemplateParseError(`template: :${itemAt(furthest).line}: ${msg}`);
  };
  const next = (): Item => {
    furthest = Math.max(furthest, Math.min(idx, items.length - 1));
    return itemAt(idx++);
  };
  const backup = (): void => {
    idx--;
  };
  const peek = (): Item => {
    const it = next();
    backup();
    return it;
  };
  const nextNonSpace = (): Item => {
    let it = next();
    while (it.typ === 'space') it = next();
    return it;
  };
  const peekNonSpace = (): Item => {
    const it = nextNonSpace();
    backup();
    return it;
  };
  const unexpected = (tok: Item, context: string): never => {
    if (tok.typ === 'error') {
      let extra = '';
      if (actionLine !== 0 && actionLine !== tok.line) {
        extra = ` in action started at :${actionLine}`;
        if (tok.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      return errorf(`${itemString(tok)}${extra}`);
    }
    return errorf(`unexpected ${itemString(tok)} in ${context}`);
  };
  const expect = (typ: ItemType, context: string): Item => {
    const tok = nextNonSpace();
    if (tok.typ !== typ) unexpected(tok, context);
    return tok;
  };

  const itemList = (): [ListNode, Node] => {
    const list: ListNode = { t: 'list', pos: peekNonSpace().pos, nodes: [] };
    while (peekNonSpace().typ !== 'EOF') {
      const n = textOrAction();
      if (n.t === 'end' || n.t === 'else') return [list, n];
      list.nodes.push(n);
    }
    return errorf('unexpected EOF');
  };
  const textOrAction = (): Node => {
    const tok = nextNonSpace();
    if (tok.typ === 'text') return { t: 'text', pos: tok.pos, text: tok.val };
    if (tok.typ === 'leftDelim') {
      actionLine = tok.line;
      try {
        return action();
      } finally {
        actionLine = 0;
      }
    }
    return unexpected(tok, 'input');
  };
  const action = (): Node => {
    const tok = nextNonSpace();
    switch (tok.typ) {
      case 'else': {
        const p = peekNonSpace();
        if (p.typ === 'if' || p.typ === 'with') return { t: 'else', pos: p.pos };
        return { t: 'else', pos: expect('rightDelim', 'else').pos };
      }
      case 'end':
        return { t: 'end', pos: expect('rightDelim', 'end').pos };
      case 'if':
      case 'range':
      case 'with':
        return control(tok.typ);
      case 'break':
      case 'continue': {
        const t2 = nextNonSpace();
        if (t2.typ !== 'rightDelim') unexpected(t2, `{{${tok.typ}}}`);
        if (rangeDepth === 0) errorf(`{{${tok.typ}}} outside {{range}}`);
        return { t: tok.typ, pos: tok.pos };
      }
      case 'define':
      case 'template':
      case 'block':
        return errorf(`{{${tok.typ}}} is not supported here`);
    }
    backup();
    const p = peek();
    return { t: 'action', pos: p.pos, pipe: pipeline('command', 'rightDelim') };
  };
  const control = (context: 'if' | 'range' | 'with'): Node => {
    const saved = vars.length;
    const pipe = pipeline(context, 'rightDelim');
    if (context === 'range') rangeDepth++;
    const [list, first] = itemList();
    let nxt = first;
    if (context === 'range') rangeDepth--;
    let elseList: ListNode | null = null;
    if (nxt.t === 'else') {
      if ((context === 'if' && peek().typ === 'if') || (context === 'with' && peek().typ === 'with')) {
        next();
        elseList = { t: 'list', pos: nxt.pos, nodes: [control(context)] };
      } else {
        [elseList, nxt] = itemList();
        if (nxt.t !== 'end') errorf(`expected end; found ${nodeString(nxt)}`);
      }
    }
    vars = vars.slice(0, saved);
    return { t: context, pos: pipe.pos, pipe, list, elseList };
  };
  const pipeline = (context: string, end: 'rightDelim' | 'rightParen'): PipeNode => {
    const pipe: PipeNode = { t: 'pipe', pos: peekNonSpace().pos, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = peekNonSpace();
      if (v.typ !== 'variable') break;
      const mark = idx;
      next();
      const nxt = peekNonSpace();
      if (nxt.typ === 'assign' || nxt.typ === 'declare') {
        pipe.isAssign = nxt.typ === 'assign';
        nextNonSpace();
        pipe.decl.push({ t: 'variable', pos: v.pos, ident: v.val.split('.') });
        vars.push(v.val);
        break;
      } else if (nxt.typ === 'char' && nxt.val === ',') {
        nextNonSpace();
        pipe.decl.push({ t: 'variable', pos: v.pos, ident: v.val.split('.') });
        vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = peekNonSpace().typ;
          if (p === 'variable' || p === 'rightDelim' || p === 'rightParen') continue;
          errorf('range can only initialize variables');
        }
        errorf(`too many declarations in ${context}`);
      }
      idx = mark; // backup2 / backup3: the variable is an operand, not a declaration
      break;
    }
    for (;;) {
      const tok = nextNonSpace();
      if (tok.typ === end) {
        if (pipe.cmds.length === 0) errorf(`missing value for ${context}`);
        pipe.cmds.slice(1).forEach((c, i) => {
          if (['bool', 'dot', 'nil', 'number', 'string'].includes(c.args[0]?.t ?? '')) {
            errorf(`non executable command in pipeline stage ${i + 2}`);
          }
        });
        return pipe;
      }
      if (['bool', 'charConstant', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen'].includes(tok.typ)) {
        backup();
        pipe.cmds.push(command());
      } else unexpected(tok, context);
    }
  };
  const command = (): CommandNode => {
    const cmd: CommandNode = { t: 'command', pos: peekNonSpace().pos, args: [] };
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op !== null) cmd.args.push(op);
      const tok = next();
      if (tok.typ === 'space') continue;
      if (tok.typ === 'rightDelim' || tok.typ === 'rightParen') backup();
      else if (tok.typ !== 'pipe') unexpected(tok, 'operand');
      break;
    }
    if (cmd.args.length === 0) errorf('empty command');
    return cmd;
  };
  const operand = (): ArgNode | null => {
    const node = term();
    if (node === null) return null;
    if (peek().typ !== 'field') return node;
    const chainPos = peek().pos;
    const fields: string[] = [];
    while (peek().typ === 'field') fields.push(next().val.slice(1));
    if (node.t === 'field') return { t: 'field', pos: chainPos, ident: [...node.ident, ...fields] };
    if (node.t === 'variable') return { t: 'variable', pos: chainPos, ident: [...node.ident, ...fields] };
    if (['bool', 'string', 'number', 'nil', 'dot'].includes(node.t)) {
      return errorf(`unexpected . after term ${JSON.stringify(nodeString(node))}`);
    }
    return { t: 'chain', pos: chainPos, node, field: fields };
  };
  const term = (): ArgNode | null => {
    const tok = nextNonSpace();
    switch (tok.typ) {
      case 'identifier':
        if (!FUNCS.has(tok.val)) errorf(`function ${JSON.stringify(tok.val)} not defined`);
        return { t: 'identifier', pos: tok.pos, ident: tok.val };
      case 'dot':
        return { t: 'dot', pos: tok.pos };
      case 'nil':
        return { t: 'nil', pos: tok.pos };
      case 'variable': {
        const ident = tok.val.split('.');
        if (!vars.includes(ident[0] ?? '')) errorf(`undefined variable ${JSON.stringify(ident[0])}`);
        return { t: 'variable', pos: tok.pos, ident };
      }
      case 'field':
        return { t: 'field', pos: tok.pos, ident: [tok.val.slice(1)] };
      case 'bool':
        return { t: 'bool', pos: tok.pos, value: tok.val === 'true' };
      case 'charConstant':
      case 'number':
        return number(tok);
      case 'leftParen':
        return pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString': {
        const s = unquote(tok.val);
        if (s === undefined) return errorf('invalid syntax');
        return { t: 'string', pos: tok.pos, quoted: tok.val, text: s };
      }
    }
    backup();
    return null;
  };
  const number = (tok: Item): ArgNode => {
    const text = tok.val;
    if (tok.typ === 'charConstant') {
      const s = unquote(text);
      if (s === undefined) return errorf('invalid syntax');
      const cp = s.codePointAt(0) ?? 0;
      return { t: 'number', pos: tok.pos, text, isInt: true, int: cp, float: cp };
    }
    if (text.endsWith('i')) return errorf(`complex constants are not supported: ${JSON.stringify(text)}`);
    const asInt = parseGoInt(text);
    if (asInt.ok) {
      const v = Number(asInt.value);
      return { t: 'number', pos: tok.pos, text, isInt: true, int: v, float: v };
    }
    const f = /^[+-]?(\d[\d_]*)?(\.[\d_]*)?([eE][+-]?\d+)?$/.test(text) && /\d/.test(text) ? Number(text.replace(/_/g, '')) : NaN;
    if (Number.isNaN(f)) return errorf(`illegal number syntax: ${JSON.stringify(text)}`);
    if (!/[.eEpP]/.test(text)) return errorf(`integer overflow: ${JSON.stringify(text)}`);
    return { t: 'number', pos: tok.pos, text, isInt: Number.isInteger(f) && Math.abs(f) < 2 ** 63, int: f, float: f };
  };

  // parse(): top level; {{end}} / {{else}} here are errors.
  const root: ListNode = { t: 'list', pos: peek().pos, nodes: [] };
  while (peek().typ !== 'EOF') {
    const n = textOrAction();
    if (n.t === 'end' || n.t === 'else') errorf(`unexpected ${nodeString(n)}`);
    root.nodes.push(n);
  }
  return { root, text };
}

/** Functions known at parse time (Go builtins + docker's templates.basicFunctions). */
export const FUNCS = new Set([
  'and', 'call', 'html', 'index', 'slice', 'js', 'len', 'not', 'or', 'print', 'printf', 'println', 'urlquery',
  'eq', 'ge', 'gt', 'le', 'lt', 'ne',
  'json', 'split', 'join', 'title', 'lower', 'upper', 'pad', 'truncate',
]);
