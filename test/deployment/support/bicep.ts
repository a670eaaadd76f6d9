/**
 * Reads a Bicep file with the tree-sitter Bicep grammar (offline, no Bicep CLI) into a small model:
 * its syntax errors, parameters with their defaults and decorators, resources, modules and outputs,
 * with literal values as plain data and anything computed kept as its source text (`Expression`).
 * It checks syntax and structure only: resource types, API versions and property names are checked
 * against Azure's schemas by the Bicep compiler (`bicep build`, run by `atk provision`), not here.
 */
import Parser, { type SyntaxNode } from 'tree-sitter';
import Bicep from 'tree-sitter-bicep';

/** Source text of a value that is not a literal: a reference, a call, an interpolated string. */
export class Expression {
  constructor(readonly text: string) {}
}

export type Value = string | number | boolean | null | Expression | Value[] | { [key: string]: Value };

export interface Parameter {
  readonly name: string;
  readonly type: string;
  readonly defaultValue?: Value;
  readonly decorators: Readonly<Record<string, Value[]>>;
}

export interface Resource {
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  readonly body: { [key: string]: Value };
}

export interface Module {
  readonly symbol: string;
  readonly path: string;
  readonly body: { [key: string]: Value };
}

export interface Output {
  readonly name: string;
  readonly type: string;
  readonly value: Value;
}

export interface BicepFile {
  /** `line:column kind: text` of each ERROR or MISSING node; empty when the file parses. */
  readonly syntaxErrors: string[];
  readonly parameters: Parameter[];
  readonly resources: Resource[];
  readonly modules: Module[];
  readonly outputs: Output[];
}

const parser = new Parser();
parser.setLanguage(Bicep as unknown as Parser.Language);

const named = (node: SyntaxNode): SyntaxNode[] => node.namedChildren.filter((child) => child.type !== 'comment');

function stringValue(node: SyntaxNode): string | Expression {
  if (node.namedChildren.some((child) => child.type === 'interpolation')) {
    return new Expression(node.text);
  }
  return node.namedChildren
    .map((child) => (child.type === 'escape_sequence' ? unescape(child.text) : child.text))
    .join('');
}

function unescape(sequence: string): string {
  const map: Record<string, string> = { "\\'": "'", '\\\\': '\\', '\\n': '\n', '\\r': '\r', '\\t': '\t', '\\$': '$' };
  return map[sequence] ?? sequence;
}

export function valueOf(node: SyntaxNode): Value {
  switch (node.type) {
    case 'string':
      return stringValue(node);
    case 'number':
      return Number(node.text);
    case 'boolean':
      return node.text === 'true';
    case 'null':
      return null;
    case 'array':
      return named(node).map(valueOf);
    case 'object': {
      const result: { [key: string]: Value } = {};
      for (const property of named(node).filter((child) => child.type === 'object_property')) {
        const [key, value] = named(property);
        if (key && value) {
          const name = key.type === 'string' ? stringValue(key) : key.text;
          result[name instanceof Expression ? name.text : name] = valueOf(value);
        }
      }
      return result;
    }
    default:
      return new Expression(node.text);
  }
}

function objectBody(node: SyntaxNode | undefined): { [key: string]: Value } {
  const value = node ? valueOf(node) : {};
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Expression) ? value : {};
}

function syntaxErrors(root: SyntaxNode): string[] {
  const errors: string[] = [];
  const walk = (node: SyntaxNode): void => {
    if (node.type === 'ERROR' || node.isMissing) {
      const where = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
      errors.push(`${where} ${node.isMissing ? `missing ${node.type}` : 'unexpected'}: ${node.text.slice(0, 60)}`);
    }
    node.children.forEach(walk);
  };
  walk(root);
  return errors;
}

export function parseBicep(source: string): BicepFile {
  const tree = parser.parse(source);
  const file: BicepFile = { syntaxErrors: syntaxErrors(tree.rootNode), parameters: [], resources: [], modules: [], outputs: [] };
  let decorators: Record<string, Value[]> = {};
  for (const node of named(tree.rootNode)) {
    if (node.type === 'decorators') {
      for (const decorator of named(node)) {
        const call = named(decorator)[0];
        const [callee, args] = call ? named(call) : [];
        if (callee) {
          decorators[callee.text] = args ? named(args).map(valueOf) : [];
        }
      }
      continue;
    }
    const parts = named(node);
    if (node.type === 'parameter_declaration') {
      const [name, type, defaultValue] = parts;
      file.parameters.push({
        name: name?.text ?? '',
        type: type?.text ?? '',
        ...(defaultValue ? { defaultValue: valueOf(defaultValue) } : {}),
        decorators,
      });
    } else if (node.type === 'resource_declaration') {
      const [symbol, typeString, body] = parts;
      const [type = '', apiVersion = ''] = String(typeString ? stringValue(typeString) : '').split('@');
      file.resources.push({ symbol: symbol?.text ?? '', type, apiVersion, body: objectBody(body) });
    } else if (node.type === 'module_declaration') {
      const [symbol, path, body] = parts;
      file.modules.push({ symbol: symbol?.text ?? '', path: String(path ? stringValue(path) : ''), body: objectBody(body) });
    } else if (node.type === 'output_declaration') {
      const [name, type, value] = parts;
      file.outputs.push({ name: name?.text ?? '', type: type?.text ?? '', value: value ? valueOf(value) : null });
    }
    decorators = {};
  }
  return file;
}
