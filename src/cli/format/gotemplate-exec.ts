/**
 * The executor of Go's text/template (text/template/exec.go, Go 1.24, via Hugo's vendored copy),
 * over JSON data typed by hints. Kept close to upstream: the same `s.at(node)` discipline decides
 * which node an error names, field chains, missingkey, range over ints/slices/maps (sorted keys),
 * break/continue, variables, and/or short-circuit, arity and argument type checks
 * (`wrong number of args for join: want 2 got 1`, `wrong type for value; expected string; got int`).
 * Methods and user-defined templates are not modelled.
 */
import { type GoHint, type GV, INVALID, ROOT, type TypeCtx, fieldOf, elemOf, formatV, goQuote, sortedKeys, typeName, utf8Length, wrap, zeroElem } from './gotemplate-fmt';
import { BUILTINS, type Fn, FuncError, HEADER_FUNCS, type Param, isTrue } from './gotemplate-funcs';
import { type AnyNode, type ArgNode, type CommandNode, type ListNode, type Node, type PipeNode, type Template, nodeString } from './gotemplate-parse';

export interface TemplateOptions {
  /** Go's Option("missingkey=…"): what a missing map key yields. Default 'default' (<no value>). */
  readonly missingKey?: 'default' | 'zero' | 'error';
  /** Go type hints by path pattern (`NetworkSettings.Networks.*`, `IPAM.Config[]`). */
  readonly typeAt?: (pattern: string) => GoHint | undefined;
  /** Unhinted JSON objects: 'map' (default) or 'struct' (missing fields are errors). */
  readonly objects?: 'map' | 'struct';
  /** Type name for unhinted structs in errors, e.g. '*formatter.networkContext'. */
  readonly structName?: string;
  /** Use docker's HeaderFunctions (table headers). */
  readonly header?: boolean;
  /**
   * The data is a docker formatter context (`*formatter.ContainerContext`…): those implement
   * MarshalJSON through formatter.MarshalJSON (a map of their methods), so `{{json .}}` prints
   * sorted keys. formatRows sets this.
   */
  readonly contextJSON?: boolean;
}

export type ExecResult =
  | { readonly ok: true; readonly output: string }
  | { readonly ok: false; readonly error: string; readonly output: string };

class ExecError {
  constructor(readonly message: string) {}
}
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
/** exec.go's missingVal: "no final argument from a previous pipeline stage". */
const MISSING: GV = { k: 'invalid' };

export function executeTemplate(tmpl: Template, data: unknown, opts: TemplateOptions = {}): ExecResult {
  const ctx: TypeCtx = {
    typeAt: opts.typeAt,
    objects: opts.objects ?? 'map',
    structName: opts.structName ?? 'struct',
    sortedRootJSON: opts.contextJSON === true,
  };
  const missingKey = opts.missingKey ?? 'default';
  const out: string[] = [];
  const vars: { name: string; value: GV }[] = [{ name: '$', value: wrap(data, ROOT, ctx) }];
  let node: AnyNode | null = null;

  const at = (n: AnyNode): void => {
    node = n;
  };
  const errorf = (msg: string): never => {
    if (node === null) throw new ExecError(`template: : ${msg}`);
    const pos = node.pos;
    const before = tmpl.text.slice(0, pos);
    const nl = before.lastIndexOf('\n');
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = utf8Length(nl < 0 ? before : before.slice(nl + 1));
    throw new ExecError(`template: :${line}:${col}: executing "" at <${nodeString(node)}>: ${msg}`);
  };
  const varValue = (name: string): GV => {
    for (let i = vars.length - 1; i >= 0; i--) if (vars[i]?.name === name) return vars[i]?.value ?? INVALID;
    return errorf(`undefined variable: ${name}`);
  };
  const setVar = (name: string, value: GV): void => {
    for (let i = vars.length - 1; i >= 0; i--) {
      const v = vars[i];
      if (v !== undefined && v.name === name) {
        v.value = value;
        return;
      }
    }
    errorf(`undefined variable: ${name}`);
  };
  const setTopVar = (n: number, value: GV): void => {
    const v = vars[vars.length - n];
    if (v !== undefined) v.value = value;
  };
  const lookup = (name: string): Fn | undefined => (opts.header === true ? HEADER_FUNCS[name] : undefined) ?? BUILTINS[name];

  const walk = (dot: GV, n: Node): void => {
    at(n);
    switch (n.t) {
      case 'action': {
        const val = evalPipeline(dot, n.pipe);
        if (n.pipe.decl.length === 0) printValue(n, val);
        return;
      }
      case 'text':
        out.push(n.text);
        return;
      case 'list':
        for (const c of n.nodes) walk(dot, c);
        return;
      case 'if':
      case 'with': {
        const mark = vars.length;
        const val = evalPipeline(dot, n.pipe);
        if (isTrue(val)) walk(n.t === 'with' ? val : dot, n.list);
        else if (n.elseList !== null) walk(dot, n.elseList);
        vars.length = mark;
        return;
      }
      case 'range':
        return walkRange(dot, n);
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      default:
        return errorf(`unknown node: ${nodeString(n)}`);
    }
  };

  const walkRange = (dot: GV, r: Node & { t: 'if' | 'range' | 'with' }): void => {
    at(r);
    const mark = vars.length;
    let val = evalPipeline(dot, r.pipe);
    if (val.k === 'struct' && val.ptr) val = { ...val, ptr: false };
    const inner = vars.length;
    const decl = r.pipe.decl;
    const one = (index: GV, elem: GV): void => {
      if (decl.length > 0) {
        if (r.pipe.isAssign) setVar(decl[0]?.ident[0] ?? '', decl.length > 1 ? index : elem);
        else setTopVar(1, elem);
      }
      if (decl.length > 1) {
        if (r.pipe.isAssign) setVar(decl[1]?.ident[0] ?? '', elem);
        else setTopVar(2, index);
      }
      try {
        walk(elem, r.list);
      } catch (e) {
        if (e !== CONTINUE) throw e;
      } finally {
        vars.length = inner;
      }
    };
    let ran = false;
    try {
      if (val.k === 'int') {
        if (decl.length > 1) errorf(`can't use ${formatV(val)} to iterate over more than one variable`);
        for (let i = 0; i < val.v; i++, ran = true) one(INVALID, { k: 'int', v: i });
      } else if (val.k === 'slice') {
        for (let i = 0; i < val.v.length; i++, ran = true) one({ k: 'int', v: i }, elemOf(val, i));
      } else if (val.k === 'map') {
        for (const k of sortedKeys(val.v)) {
          ran = true;
          one({ k: 'string', v: k }, fieldOf(val, k));
        }
      } else if (!(val.k === 'invalid' || (val.k === 'nil' && val.kind !== 'ptr'))) {
        errorf(`range can't iterate over ${formatV(val)}`);
      }
    } catch (e) {
      if (e !== BREAK) throw e;
      ran = true;
    } finally {
      vars.length = mark;
    }
    if (!ran && r.elseList !== null) walk(dot, r.elseList);
  };

  const printValue = (n: AnyNode, v: GV): void => {
    at(n);
    if (v.k === 'invalid') out.push('<no value>');
    else out.push(formatV(v.k === 'struct' && v.ptr ? { ...v, ptr: false } : v, 0));
  };

  const evalPipeline = (dot: GV, pipe: PipeNode | null): GV => {
    if (pipe === null) return INVALID;
    at(pipe);
    let value = MISSING;
    for (const cmd of pipe.cmds) {
      value = evalCommand(dot, cmd, value);
      // "If the object has type interface{}, dig down one level": a nil interface becomes invalid.
      if (value.k === 'nil' && value.kind === 'interface') value = INVALID;
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) setVar(v.ident[0] ?? '', value);
      else vars.push({ name: v.ident[0] ?? '', value });
    }
    return value;
  };

  const notAFunction = (args: readonly ArgNode[], final: GV): void => {
    if (args.length > 1 || final !== MISSING) errorf(`can't give argument to non-function ${args[0] ? nodeString(args[0]) : ''}`);
  };

  const evalCommand = (dot: GV, cmd: CommandNode, final: GV): GV => {
    const first = cmd.args[0];
    if (first === undefined) return errorf('empty command');
    switch (first.t) {
      case 'field':
        return evalFieldChain(dot, dot, first, first.ident, cmd.args, final, true);
      case 'chain':
        return evalChain(dot, first, cmd.args, final);
      case 'identifier':
        return evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        notAFunction(cmd.args, final);
        return evalPipeline(dot, first);
      case 'variable':
        return evalVariable(dot, first, cmd.args, final);
    }
    at(first);
    notAFunction(cmd.args, final);
    switch (first.t) {
      case 'bool':
        return { k: 'bool', v: first.value };
      case 'dot':
        return dot;
      case 'nil':
        return errorf('nil is not a command');
      case 'number':
        return idealConstant(first);
      case 'string':
        return { k: 'string', v: first.text };
    }
  };

  const idealConstant = (n: ArgNode & { t: 'number' }): GV => {
    at(n);
    const isFloat = /[.eEpP]/.test(n.text) && !/^[+-]?0[xX]/.test(n.text) && !n.text.startsWith("'");
    if (isFloat || !n.isInt) return { k: 'float', v: n.float };
    return { k: 'int', v: n.int };
  };

  const evalChain = (dot: GV, chain: ArgNode & { t: 'chain' }, args: readonly ArgNode[] | null, final: GV): GV => {
    at(chain);
    if (chain.node.t === 'nil') errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const recv = evalArg(dot, null, chain.node);
    return evalFieldChain(dot, recv, chain, chain.field, args, final);
  };

  const evalVariable = (dot: GV, v: ArgNode & { t: 'variable' }, args: readonly ArgNode[] | null, final: GV): GV => {
    at(v);
    const value = varValue(v.ident[0] ?? '');
    if (v.ident.length === 1) {
      notAFunction(args ?? [], final);
      return value;
    }
    return evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  };

  const evalFieldChain = (
    dot: GV, recv: GV, n: ArgNode, ident: readonly string[], args: readonly ArgNode[] | null, final: GV, isField = false,
  ): GV => {
    if (isField) at(n);
    let r = recv;
    for (let i = 0; i < ident.length - 1; i++) r = evalField(ident[i] ?? '', null, MISSING, r);
    return evalField(ident[ident.length - 1] ?? '', args, final, r);
  };

  const evalField = (name: string, args: readonly ArgNode[] | null, final: GV, recv: GV): GV => {
    if (recv.k === 'invalid') {
      if (missingKey === 'error') errorf(`nil data; no entry for key ${goQuote(name)}`);
      return INVALID;
    }
    const typ = typeName(recv);
    if (recv.k === 'nil' && recv.kind === 'interface') errorf(`nil pointer evaluating ${typ}.${name}`);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (recv.k === 'struct' && Object.prototype.hasOwnProperty.call(recv.v, name)) {
      if (hasArgs) errorf(`${name} has arguments but cannot be invoked as function`);
      return fieldOf(recv, name);
    }
    if (recv.k === 'map' || (recv.k === 'nil' && recv.kind === 'map')) {
      if (hasArgs) errorf(`${name} is not a method but has arguments`);
      if (recv.k === 'map' && Object.prototype.hasOwnProperty.call(recv.v, name)) return fieldOf(recv, name);
      if (missingKey === 'error') errorf(`map has no entry for key ${goQuote(name)}`);
      return missingKey === 'zero' ? zeroElem(recv) : INVALID;
    }
    if (recv.k === 'nil' && recv.kind === 'ptr') errorf(`nil pointer evaluating ${typ}.${name}`);
    return errorf(`can't evaluate field ${name} in type ${typ}`);
  };

  const evalFunction = (dot: GV, id: ArgNode & { t: 'identifier' }, cmd: AnyNode, args: readonly ArgNode[] | null, final: GV): GV => {
    at(id);
    const fn = lookup(id.ident);
    if (fn === undefined) return errorf(`${JSON.stringify(id.ident)} is not a defined function`);
    const argNodes = args === null ? [] : args.slice(1);
    const numIn = argNodes.length + (final !== MISSING ? 1 : 0);
    const numFixed = fn.params.length;
    if (fn.variadic !== undefined) {
      if (numIn < numFixed) errorf(`wrong number of args for ${id.ident}: want at least ${numFixed} got ${argNodes.length}`);
    } else if (numIn !== numFixed) {
      errorf(`wrong number of args for ${id.ident}: want ${numFixed} got ${numIn}`);
    }
    const name = id.ident;
    if (name === 'and' || name === 'or') {
      let v = INVALID;
      for (const a of argNodes) {
        v = evalArg(dot, 'rv', a);
        if (isTrue(v) === (name === 'or')) return v;
      }
      return final !== MISSING ? validateType(final, 'rv') : v;
    }
    const argv: GV[] = argNodes.map((a, i) => evalArg(dot, i < numFixed ? (fn.params[i] ?? 'any') : (fn.variadic ?? 'any'), a));
    if (final !== MISSING) {
      const t = fn.variadic !== undefined && numIn - 1 >= numFixed ? fn.variadic : (fn.params[numIn - 1] ?? 'any');
      argv.push(validateType(final, t));
    }
    try {
      if (name === 'call') {
        const f = argv[0] ?? INVALID;
        throw new FuncError(f.k === 'invalid' ? 'call of nil' : `non-function ${argNodes[0] ? nodeString(argNodes[0]) : ''} of type ${typeName(f)}`);
      }
      return fn.impl(argv);
    } catch (e) {
      if (!(e instanceof FuncError)) throw e;
      at(cmd);
      return errorf(`error calling ${name}: ${e.message}`);
    }
  };

  const canBeNil = (t: Param | null): boolean => t === 'any' || t === 'rv' || t === '[]string' || t === null;

  const validateType = (v: GV, t: Param | null): GV => {
    if (v.k === 'invalid') {
      if (t === '[]string') return { k: 'nil', kind: 'slice', type: '[]string', at: ROOT };
      if (canBeNil(t)) return INVALID;
      return errorf(`invalid value; expected ${t ?? ''}`);
    }
    if (t === null || t === 'any' || t === 'rv') return v;
    const ok =
      (t === 'string' && v.k === 'string') ||
      (t === 'int' && v.k === 'int') ||
      (t === '[]string' && ((v.k === 'slice' && v.type === '[]string') || (v.k === 'nil' && v.type === '[]string')));
    return ok ? v : errorf(`wrong type for value; expected ${t}; got ${typeName(v)}`);
  };

  const evalArg = (dot: GV, t: Param | null, n: ArgNode): GV => {
    at(n);
    switch (n.t) {
      case 'dot':
        return validateType(dot, t);
      case 'nil':
        if (canBeNil(t)) return validateType(INVALID, t);
        return errorf(`cannot assign nil to ${t ?? ''}`);
      case 'field':
        return validateType(evalFieldChain(dot, dot, n, n.ident, [n], MISSING, true), t);
      case 'variable':
        return validateType(evalVariable(dot, n, null, MISSING), t);
      case 'pipe':
        return validateType(evalPipeline(dot, n), t);
      case 'identifier':
        return validateType(evalFunction(dot, n, n, null, MISSING), t);
      case 'chain':
        return validateType(evalChain(dot, n, null, MISSING), t);
    }
    if (t === 'string') return n.t === 'string' ? { k: 'string', v: n.text } : errorf(`expected string; found ${nodeString(n)}`);
    if (t === 'int') return n.t === 'number' && n.isInt ? { k: 'int', v: n.int } : errorf(`expected integer; found ${nodeString(n)}`);
    if (t === '[]string') return errorf(`can't handle ${nodeString(n)} for arg of type []string`);
    if (n.t === 'bool') return { k: 'bool', v: n.value };
    if (n.t === 'number') return idealConstant(n);
    return { k: 'string', v: n.text };
  };

  try {
    walk(vars[0]?.value ?? INVALID, tmpl.root as ListNode);
    return { ok: true, output: out.join('') };
  } catch (e) {
    if (e instanceof ExecError) return { ok: false, error: e.message, output: out.join('') };
    throw e;
  }
}
