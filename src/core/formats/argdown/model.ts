/**
 * Stage 3 of the Argdown reader: syntax tree → the Argdown model, as Argdown's ModelPlugin builds
 * it (christianvoigt/argdown, `ModelPlugin.ts`):
 * - statements with the same title form one equivalence class; an untitled statement gets the
 *   title `Untitled N`, numbered in document order together with untitled reconstructed arguments;
 * - arguments are merged by title; a premise–conclusion structure belongs to the argument written
 *   in the block just before it, otherwise to a new untitled argument;
 * - relation lines become typed relations (`+`/`<+` and `-`/`<-`: the child supports/attacks the
 *   parent; `+>`/`->`: the parent supports/attacks the child; `><`: contradictory; `_>`: the parent
 *   undercuts the child; `<_`: the child undercuts the parent, or, under a conclusion or an
 *   inference line, that inference); a relation written twice is kept once;
 * - then Argdown's post-processing: outgoing relations of a reconstructed argument become
 *   relations of its main conclusion (a relation to that conclusion itself vanishes), undercuts of
 *   a reconstructed argument target its last inference, and an attack of a statement on a
 *   reconstructed argument is dropped when that statement already attacks or contradicts one of
 *   its premises; in `mode: strict` (front matter `model:`), statement-to-statement supports become
 *   `entails` and attacks `contrary` (one per pair);
 * - headings make sections (numbered `s1`, `s2`, …, nested by level); a statement or argument
 *   lies in the section of its first definition, else of its first mention.
 * Nothing here recurses: trees are walked with explicit stacks.
 */

import type { Position, Problem } from '../../problems.ts';
import { ProblemCollector, quoteForMessage } from '../../problems.ts';
import type { ArgdownDocument, ElementNode, InferenceNode, PcsNode, RelationNode } from './parser.ts';
import { isYamlMap, type YamlMap, type YamlValue } from './yaml.ts';

export type RelationType = 'support' | 'attack' | 'undercut' | 'contradictory' | 'entails' | 'contrary';

/** A relation end: a statement's equivalence class, an argument, or one inference of an argument. */
export type RelationEnd =
  | { readonly kind: 'statement'; readonly title: string }
  | { readonly kind: 'argument'; readonly title: string }
  /** `index` counts the argument's inferences from 0. */
  | { readonly kind: 'inference'; readonly argument: string; readonly index: number };

export interface ArgdownRelation {
  readonly type: RelationType;
  readonly from: RelationEnd;
  readonly to: RelationEnd;
  /** The `argmap-edge` data written on the relation's statement or argument (argmap's own extension). */
  readonly edgeData: YamlMap | undefined;
  /** Where the relation was first written. */
  readonly position: Position;
}

export type StatementRole = 'top-level' | 'relation' | 'list-item' | 'premise' | 'intermediary-conclusion' | 'main-conclusion';

export interface Member {
  readonly text: string;
  readonly tags: readonly string[];
  readonly isReference: boolean;
  /** Marked `{isCanonical: true}`: its text is the text of its class or argument. */
  readonly isCanonical: boolean;
  readonly sectionId: string | undefined;
  readonly position: Position;
}

export interface StatementMember extends Member {
  readonly role: StatementRole;
}

interface Described {
  readonly title: string;
  /** A title the reader made up (`Untitled 3`). */
  readonly isUntitled: boolean;
  readonly tags: readonly string[];
  /** The data of all members, later keys winning. */
  readonly data: YamlMap;
  /**
   * Argdown's canonical text: the member marked `{isCanonical: true}`, else the last definition,
   * "last" as Argdown counts, when a statement's reading ends, after the relations under it.
   */
  readonly canonicalText: string;
  readonly sectionId: string | undefined;
  readonly position: Position;
}

export interface EquivalenceClass extends Described {
  readonly members: readonly StatementMember[];
}

export interface PcsStatement {
  /** The equivalence class of the statement. */
  readonly title: string;
  /** As written in `(n)`. */
  readonly number: number;
  readonly role: 'premise' | 'intermediary-conclusion' | 'main-conclusion';
  readonly position: Position;
}

export interface Inference {
  readonly rules: readonly string[];
  readonly data: YamlMap | undefined;
  /** `{uses: [1, 3]}` on the inference line, else on its conclusion: the numbers of its premises. */
  readonly uses: YamlValue | undefined;
  /** Index in `pcs` of the conclusion this inference leads to. */
  readonly conclusionIndex: number;
  readonly position: Position;
}

export interface ArgdownArgument extends Described {
  readonly descriptions: readonly Member[];
  /** Empty unless the argument is reconstructed. */
  readonly pcs: readonly PcsStatement[];
  readonly inferences: readonly Inference[];
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly level: number;
  readonly parentId: string | undefined;
  readonly tags: readonly string[];
  readonly data: YamlMap | undefined;
  readonly position: Position;
}

export interface ArgdownModel {
  /** Empty when there is no (readable) front matter. */
  readonly frontMatter: YamlMap;
  readonly frontMatterKeyPositions: ReadonlyMap<string, Position>;
  readonly mode: 'loose' | 'strict';
  /** By title, in order of first appearance. */
  readonly statements: ReadonlyMap<string, EquivalenceClass>;
  readonly arguments: ReadonlyMap<string, ArgdownArgument>;
  readonly relations: readonly ArgdownRelation[];
  readonly sections: readonly Section[];
  /** Every tag used, in order of first appearance. */
  readonly tags: readonly string[];
}

export interface ModelResult {
  readonly model: ArgdownModel;
  readonly problems: Problem[];
}

/** The inline-data key whose value describes the relation a statement or argument is written in. */
export const EDGE_DATA_KEY = 'argmap-edge';

export function buildArgdownModel(document: ArgdownDocument): ModelResult {
  return new ModelBuilder(document).run();
}

function relationEndKey(end: RelationEnd): string {
  return end.kind === 'inference' ? `inference\u0000${end.argument}\u0000${end.index}` : `${end.kind}\u0000${end.title}`;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableClass = Mutable<EquivalenceClass> & { members: StatementMember[]; tags: string[]; data: Map<string, YamlValue> };
type MutableArgument = Mutable<ArgdownArgument> & { descriptions: Member[]; tags: string[]; data: Map<string, YamlValue> };

/** What a tree walk still has to visit: an element and how it hangs from its parent. */
interface PendingElement {
  readonly element: ElementNode;
  readonly role: StatementRole;
  readonly parent: { readonly end: RelationEnd; readonly relation: RelationNode; readonly conclusionInference: RelationEnd | undefined } | undefined;
}

class ModelBuilder {
  readonly #document: ArgdownDocument;
  readonly #problems = new ProblemCollector();
  readonly #statements = new Map<string, MutableClass>();
  readonly #arguments = new Map<string, MutableArgument>();
  readonly #relations: ArgdownRelation[] = [];
  readonly #relationKeys = new Map<string, ArgdownRelation>();
  readonly #sections: Section[] = [];
  readonly #tags: string[] = [];
  readonly #knownTags = new Set<string>();
  readonly #sectionsById = new Map<string, Section>();
  /** The tags of each class and argument, for a quick "already there?". */
  readonly #tagsOf = new Map<MutableClass | MutableArgument, Set<string>>();
  /** Classes and arguments that have a definition, not only references. */
  readonly #defined = new Set<MutableClass | MutableArgument>();
  #untitledCount = 0;
  /** When each member's reading ended (after the relations under it), as Argdown orders members. */
  readonly #closingOrder = new Map<Member, number>();
  #section: Section | undefined;

  constructor(document: ArgdownDocument) {
    this.#document = document;
  }

  run(): ModelResult {
    const { blocks } = this.#document;
    blocks.forEach((block, index) => {
      switch (block.kind) {
        case 'heading':
          this.#heading(block.level, block.content.text, block.content.tags, block.data, block.position);
          return;
        case 'statement':
        case 'argument':
          this.#walk(block, 'top-level');
          return;
        case 'list':
          for (const item of block.items) this.#walk(item, 'list-item');
          return;
        case 'pcs': {
          const previous = blocks[index - 1];
          this.#pcs(block, previous?.kind === 'argument' ? previous.title : undefined);
        }
      }
    });
    for (const statementClass of this.#statements.values()) statementClass.canonicalText = this.#canonicalText(statementClass.members);
    for (const argument of this.#arguments.values()) argument.canonicalText = this.#canonicalText(argument.descriptions);
    const mode = this.#mode();
    let relations = this.#transformArgumentRelations(this.#relations);
    if (mode === 'strict') relations = transformStatementRelations(relations);
    relations = this.#removeRedundantAttacksOnArguments(relations);
    const frontMatter = this.#document.frontMatter;
    return {
      model: {
        frontMatter: frontMatter?.value ?? new Map(),
        frontMatterKeyPositions: frontMatter?.keyPositions ?? new Map(),
        mode,
        statements: this.#statements,
        arguments: this.#arguments,
        relations,
        sections: this.#sections,
        tags: this.#tags,
      },
      problems: this.#problems.toArray(),
    };
  }

  /** `model: {mode: strict}` is the one Argdown setting that changes what relations mean. */
  #mode(): 'loose' | 'strict' {
    const settings = this.#document.frontMatter?.value?.get('model');
    return isYamlMap(settings) && settings.get('mode') === 'strict' ? 'strict' : 'loose';
  }

  #untitled(): string {
    this.#untitledCount += 1;
    return `Untitled ${this.#untitledCount}`;
  }

  #addTags(tags: readonly string[]): void {
    for (const tag of tags) {
      if (this.#knownTags.has(tag)) continue;
      this.#knownTags.add(tag);
      this.#tags.push(tag);
    }
  }

  #heading(level: number, title: string, tags: readonly string[], data: YamlMap | undefined, position: Position): void {
    this.#addTags(tags);
    let parent = this.#section;
    while (parent !== undefined && parent.level >= level) parent = parent.parentId === undefined ? undefined : this.#sectionsById.get(parent.parentId);
    const section: Section = { id: `s${this.#sections.length + 1}`, title, level, parentId: parent?.id, tags, data, position };
    this.#sections.push(section);
    this.#sectionsById.set(section.id, section);
    this.#section = section;
  }

  /** Walks a statement or argument and its relation tree in document order, without recursion. */
  #walk(root: ElementNode, role: StatementRole, conclusionInference?: RelationEnd): RelationEnd {
    const pending: (PendingElement | { readonly closes: Member })[] = [{ element: root, role, parent: undefined }];
    let rootEnd: RelationEnd | undefined;
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if ('closes' in next) {
        this.#closingOrder.set(next.closes, this.#closingOrder.size);
        continue;
      }
      const { element, parent } = next;
      const edgeData = element.data?.get(EDGE_DATA_KEY);
      const { end, member } = this.#register(element, next.role);
      pending.push({ closes: member });
      rootEnd ??= end;
      if (parent !== undefined) this.#relate(parent.relation, parent.end, end, isYamlMap(edgeData) ? edgeData : undefined, parent.conclusionInference);
      // Pushed last to first, so they are visited in document order; a loop, as a statement may have
      // more children than a spread can pass as arguments.
      const inference = element === root ? conclusionInference : undefined;
      for (let index = element.relations.length - 1; index >= 0; index -= 1) {
        const relation = element.relations[index];
        if (relation !== undefined) pending.push({ element: relation.member, role: 'relation', parent: { end, relation, conclusionInference: inference } });
      }
    }
    return rootEnd ?? { kind: 'statement', title: '' };
  }

  /** Adds the element to its equivalence class or argument; returns that relation end and the member. */
  #register(element: ElementNode, role: StatementRole): { end: RelationEnd; member: Member } {
    this.#addTags(element.content.tags);
    const member: Member = {
      text: element.content.text,
      tags: element.content.tags,
      isReference: element.isReference,
      isCanonical: element.data?.get('isCanonical') === true,
      sectionId: this.#section?.id,
      position: element.position,
    };
    const data = element.data === undefined ? undefined : new Map([...element.data].filter(([key]) => key !== EDGE_DATA_KEY));
    if (element.kind === 'argument') {
      const argument = this.#argument(element.title, false, element.position);
      this.#addMember(argument, member, data, argument.descriptions.length === 0);
      argument.descriptions.push(member);
      return { end: { kind: 'argument', title: argument.title }, member };
    }
    const title = element.title ?? this.#untitled();
    let statementClass = this.#statements.get(title);
    if (statementClass === undefined) {
      statementClass = { title, isUntitled: element.title === undefined, members: [], tags: [], data: new Map(), canonicalText: '', sectionId: undefined, position: element.position };
      this.#statements.set(title, statementClass);
    }
    this.#addMember(statementClass, member, data, statementClass.members.length === 0);
    const statementMember = { ...member, role };
    statementClass.members.push(statementMember);
    return { end: { kind: 'statement', title }, member: statementMember };
  }

  #canonicalText(members: readonly Member[]): string {
    const definitions = members.filter((member) => !member.isReference).sort((a, b) => (this.#closingOrder.get(a) ?? 0) - (this.#closingOrder.get(b) ?? 0));
    return (definitions.findLast((member) => member.isCanonical) ?? definitions.at(-1))?.text ?? '';
  }

  #argument(title: string, isUntitled: boolean, position: Position): MutableArgument {
    let argument = this.#arguments.get(title);
    if (argument === undefined) {
      argument = { title, isUntitled, descriptions: [], pcs: [], inferences: [], tags: [], data: new Map(), canonicalText: '', sectionId: undefined, position };
      this.#arguments.set(title, argument);
    }
    return argument;
  }

  /**
   * Tags, data and place a member brings to its class or argument: the section and position are
   * those of the first definition, or of the first mention until a definition comes.
   */
  #addMember(target: MutableClass | MutableArgument, member: Member, data: YamlMap | undefined, isFirstMember: boolean): void {
    let known = this.#tagsOf.get(target);
    if (known === undefined) this.#tagsOf.set(target, (known = new Set()));
    for (const tag of member.tags) {
      if (known.has(tag)) continue;
      known.add(tag);
      target.tags.push(tag);
    }
    for (const [key, value] of data ?? []) target.data.set(key, value);
    const isFirstDefinition = !member.isReference && !this.#defined.has(target);
    if (isFirstDefinition) this.#defined.add(target);
    if (isFirstDefinition || (isFirstMember && target.sectionId === undefined)) {
      target.sectionId = member.sectionId;
      target.position = member.position;
    }
  }

  #relate(relation: RelationNode, parent: RelationEnd, child: RelationEnd, edgeData: YamlMap | undefined, conclusionInference: RelationEnd | undefined): void {
    const [type, from, to] = relationBetween(relation.symbol, parent, child, conclusionInference);
    const key = relationKey(type, from, to, edgeData);
    const reversed = type === 'contradictory' ? relationKey(type, to, from, edgeData) : undefined;
    if (this.#relationKeys.has(key) || (reversed !== undefined && this.#relationKeys.has(reversed))) return;
    const added: ArgdownRelation = { type, from, to, edgeData, position: relation.position };
    this.#relationKeys.set(key, added);
    this.#relations.push(added);
  }

  #pcs(block: PcsNode, argumentTitle: string | undefined): void {
    const argument = this.#argument(argumentTitle ?? this.#untitled(), argumentTitle === undefined, block.position);
    if (argument.pcs.length > 0) {
      this.#problems.error(`the argument <${argument.title}> is reconstructed twice: give one of the premise–conclusion structures another argument title`, {
        line: block.position.line,
        column: block.position.column,
      });
    }
    argument.sectionId ??= this.#section?.id;
    const pcs: PcsStatement[] = [];
    const inferences: Inference[] = [];
    let inference: InferenceNode | undefined;
    block.items.forEach((item, index) => {
      if (item.kind === 'inference') {
        inference = item;
        return;
      }
      // The parser made sure that the structure ends with a conclusion.
      const role = index === block.items.length - 1 ? 'main-conclusion' : inference === undefined ? 'premise' : 'intermediary-conclusion';
      const inferenceEnd: RelationEnd | undefined = inference === undefined ? undefined : { kind: 'inference', argument: argument.title, index: inferences.length };
      if (inference !== undefined) {
        const uses = inference.data?.get('uses') ?? item.statement.data?.get('uses');
        inferences.push({ rules: inference.rules, data: inference.data, uses, conclusionIndex: pcs.length, position: inference.position });
        for (const relation of inference.relations) this.#walkInferenceRelation(relation, inferenceEnd);
      }
      const end = this.#walk(item.statement, role, inferenceEnd);
      pcs.push({ title: end.kind === 'statement' ? end.title : '', number: item.number, role, position: item.position });
      inference = undefined;
    });
    argument.pcs = pcs;
    argument.inferences = inferences;
  }

  /** `<_` under an inference line: the statement or argument undercuts that inference. */
  #walkInferenceRelation(relation: RelationNode, inference: RelationEnd | undefined): void {
    if (inference === undefined) return;
    const undercutter = this.#walk(relation.member, 'relation');
    const edgeData = relation.member.data?.get(EDGE_DATA_KEY);
    this.#relate(relation, inference, undercutter, isYamlMap(edgeData) ? edgeData : undefined, undefined);
  }

  /**
   * Argdown's `transformArgumentRelations`: a reconstructed argument speaks through its main
   * conclusion, and undercutting it means undercutting its last inference.
   */
  #transformArgumentRelations(relations: readonly ArgdownRelation[]): ArgdownRelation[] {
    const existing = new Set(relations.map((relation) => relationKey(relation.type, relation.from, relation.to, relation.edgeData)));
    const kept: ArgdownRelation[] = [];
    for (const original of relations) {
      let relation = original;
      const source = relation.from.kind === 'argument' ? this.#arguments.get(relation.from.title) : undefined;
      const conclusion = source?.pcs.at(-1);
      if (conclusion !== undefined) {
        const from: RelationEnd = { kind: 'statement', title: conclusion.title };
        const key = relationKey(relation.type, from, relation.to, relation.edgeData);
        if (relationEndKey(relation.to) === relationEndKey(from) || existing.has(key)) continue;
        existing.add(key);
        relation = { ...relation, from };
      }
      const target = relation.to.kind === 'argument' ? this.#arguments.get(relation.to.title) : undefined;
      if (relation.type === 'undercut' && target !== undefined && target.inferences.length > 0) {
        const to: RelationEnd = { kind: 'inference', argument: target.title, index: target.inferences.length - 1 };
        const key = relationKey(relation.type, relation.from, to, relation.edgeData);
        if (existing.has(key)) continue;
        existing.add(key);
        relation = { ...relation, to };
      }
      kept.push(relation);
    }
    return kept;
  }

  /**
   * Argdown's `removeRedundantEC2ARelations`: a statement attacking a reconstructed argument says
   * nothing new when it already attacks, or contradicts, one of the argument's premises.
   */
  #removeRedundantAttacksOnArguments(relations: readonly ArgdownRelation[]): ArgdownRelation[] {
    const opposed = new Map<string, Set<string>>();
    const oppose = (statement: string, other: string) => {
      const set = opposed.get(statement);
      if (set === undefined) opposed.set(statement, new Set([other]));
      else set.add(other);
    };
    for (const { type, from, to } of relations) {
      if (from.kind !== 'statement' || to.kind !== 'statement') continue;
      if (type === 'attack' || type === 'contradictory' || type === 'contrary') oppose(from.title, to.title);
      if (type === 'contradictory' || type === 'contrary') oppose(to.title, from.title);
    }
    return relations.filter((relation) => {
      if (relation.type !== 'attack' || relation.from.kind !== 'statement' || relation.to.kind !== 'argument') return true;
      const opposedByAttacker = opposed.get(relation.from.title);
      const premises = this.#arguments.get(relation.to.title)?.pcs.filter((statement) => statement.role === 'premise') ?? [];
      return !premises.some((premise) => opposedByAttacker?.has(premise.title) === true);
    });
  }
}

function edgeIdOf(edgeData: YamlMap | undefined): string {
  const id: YamlValue | undefined = edgeData?.get('id');
  return typeof id === 'string' ? id : '';
}

/** Relations are the same when type and ends agree (and, for argmap's edges, their ids). */
function relationKey(type: RelationType, from: RelationEnd, to: RelationEnd, edgeData: YamlMap | undefined): string {
  return [type, relationEndKey(from), relationEndKey(to), edgeIdOf(edgeData)].join('\u0001');
}

/** Type and direction of a relation line between the parent (the line above) and the child. */
function relationBetween(symbol: RelationNode['symbol'], parent: RelationEnd, child: RelationEnd, conclusionInference: RelationEnd | undefined): [RelationType, RelationEnd, RelationEnd] {
  switch (symbol) {
    case '+':
    case '<+':
      return ['support', child, parent];
    case '-':
    case '<-':
      return ['attack', child, parent];
    case '+>':
      return ['support', parent, child];
    case '->':
      return ['attack', parent, child];
    case '><':
      return ['contradictory', parent, child];
    case '_>':
      return ['undercut', parent, child];
    case '<_':
      // Under a conclusion, Argdown reads `<_` as undercutting the inference that leads to it.
      return ['undercut', child, parent.kind === 'statement' && conclusionInference !== undefined ? conclusionInference : parent];
  }
}

/** Argdown's strict mode: statement-to-statement relations are logical ones. */
function transformStatementRelations(relations: readonly ArgdownRelation[]): ArgdownRelation[] {
  const contraries = new Set<string>();
  const kept: ArgdownRelation[] = [];
  for (const relation of relations) {
    const betweenStatements = relation.from.kind === 'statement' && relation.to.kind === 'statement';
    if (!betweenStatements || (relation.type !== 'support' && relation.type !== 'attack')) {
      kept.push(relation);
      continue;
    }
    if (relation.type === 'support') {
      kept.push({ ...relation, type: 'entails' });
      continue;
    }
    const pair = [relationEndKey(relation.from), relationEndKey(relation.to)].sort().join('\u0001') + edgeIdOf(relation.edgeData);
    if (contraries.has(pair)) continue;
    contraries.add(pair);
    kept.push({ ...relation, type: 'contrary' });
  }
  return kept;
}

/** For messages: `[Title]`, `<Title>` or the inference of `<Title>`. */
export function describeRelationEnd(end: RelationEnd): string {
  if (end.kind === 'statement') return quoteForMessage(`[${end.title}]`);
  if (end.kind === 'argument') return quoteForMessage(`<${end.title}>`);
  return `inference ${end.index + 1} of ${quoteForMessage(`<${end.argument}>`)}`;
}
