/**
 * Parse-tree nodes of Go's text/template (text/template/parse/node.go, Go 1.24) and their
 * String() forms, which Go prints in execution errors (`executing "" at <.NetworkSettings.Foo>`).
 */

export type ArgNode =
  | { readonly t: 'field'; readonly pos: number; readonly ident: readonly string[] }
  | { readonly t: 'variable'; readonly pos: number; readonly ident: readonly string[] }
  | { readonly t: 'chain'; readonly pos: number; readonly node: ArgNode; readonly field: readonly string[] }
  | { readonly t: 'identifier'; readonly pos: number; readonly ident: string }
  | { readonly t: 'dot' | 'nil'; readonly pos: number }
  | { readonly t: 'bool'; readonly pos: number; readonly value: boolean }
  | { readonly t: 'number'; readonly pos: number; readonly text: string; readonly isInt: boolean; readonly int: number; readonly float: number }
  | { readonly t: 'string'; readonly pos: number; readonly quoted: string; readonly text: string }
  | PipeNode;
export interface CommandNode {
  readonly t: 'command';
  readonly pos: number;
  readonly args: ArgNode[];
}
export interface PipeNode {
  readonly t: 'pipe';
  readonly pos: number;
  isAssign: boolean;
  readonly decl: (ArgNode & { t: 'variable' })[];
  readonly cmds: CommandNode[];
}
export type Node =
  | { readonly t: 'text'; readonly pos: number; readonly text: string }
  | { readonly t: 'action'; readonly pos: number; readonly pipe: PipeNode }
  | { readonly t: 'if' | 'range' | 'with'; readonly pos: number; readonly pipe: PipeNode; readonly list: ListNode; readonly elseList: ListNode | null }
  | { readonly t: 'break' | 'continue'; readonly pos: number }
  | ListNode
  | { readonly t: 'end' | 'else'; readonly pos: number };
export interface ListNode {
  readonly t: 'list';
  readonly pos: number;
  readonly nodes: Node[];
}
export type AnyNode = Node | ArgNode | CommandNode;

/** node.String() of Go's parse package (used in error contexts). */
export function nodeString(n: AnyNode): string {
  switch (n.t) {
    case 'text':
      return n.text;
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'if':
    case 'range':
    case 'with':
      return `{{${n.t} ${nodeString(n.pipe)}}}${nodeString(n.list)}${n.elseList ? `{{else}}${nodeString(n.elseList)}` : ''}{{end}}`;
    case 'break':
    case 'continue':
      return `{{${n.t}}}`;
    case 'end':
    case 'else':
      return `{{${n.t}}}`;
    case 'pipe': {
      const decl = n.decl.length > 0 ? `${n.decl.map(nodeString).join(', ')}${n.isAssign ? ' = ' : ' := '}` : '';
      return decl + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.t === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'field':
      return n.ident.map((i) => `.${i}`).join('');
    case 'variable':
      return n.ident.join('.');
    case 'chain':
      return (n.node.t === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((f) => `.${f}`).join('');
    case 'identifier':
      return n.ident;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(n.value);
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
  }
}
