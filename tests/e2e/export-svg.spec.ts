import { expect, test } from '@playwright/test';
import {
  analyseSvg, dragMouse, exportSvg, inLanguage, labelMatches, loadSeed, openApp, openSvgAsDocument, revealNode, waitForLayoutToRest,
  type Language, type SeedNode,
} from './helpers.ts';

const seed = loadSeed();

for (const language of ['zh', 'en'] as const satisfies readonly Language[]) {
  test(`Export SVG (${language}) writes a well-formed, inert SVG with every node, its text and the map data`, async ({ page }) => {
    await openApp(page);
    if (language === 'en') {
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Export SVG' })).toBeVisible();
    }
    const { fileName, text } = await exportSvg(page);
    expect(fileName).toBe(`hundred-model-war.${language}.svg`);
    expect(text.startsWith('<?xml')).toBe(true);

    const svg = await analyseSvg(page, text);
    expect(svg.parserErrors, 'the file does not parse as image/svg+xml').toBe(0);
    expect(svg.rootName).toBe('svg');

    // Exactly one group per node, and every edge.
    expect(svg.nodes.map((node) => node.id).sort()).toEqual(seed.nodes.map((node) => node.id).sort());
    expect(new Set(svg.nodes.map((node) => node.id)).size).toBe(svg.nodes.length);
    expect(svg.edgeIds.slice().sort()).toEqual(seed.edges.map((edge) => edge.id).sort());

    // Each node carries its full text in <title> and shows it (or its start, cut with …) in its lines.
    for (const node of seed.nodes) {
      const drawn = svg.nodes.find((candidate) => candidate.id === node.id);
      const full = inLanguage(node.text, language);
      expect(drawn?.title, `title of ${node.id}`).toBe(full);
      expect(labelMatches(drawn?.lines ?? [], full), `label of ${node.id}: ${JSON.stringify(drawn?.lines)} vs ${full}`).toBe(true);
    }

    // The map data rides along and parses back to the same nodes and edges.
    expect(svg.metadata).not.toBeNull();
    const data = JSON.parse(svg.metadata ?? 'null') as { nodes: SeedNode[]; edges: unknown[]; schemaVersion: number };
    expect(data.schemaVersion).toBe(seed.schemaVersion);
    expect(data.nodes).toEqual(seed.nodes);
    expect(data.edges).toEqual(seed.edges);

    // Nothing active, nothing fetched.
    expect(svg.activeElements).toEqual([]);
    expect(svg.eventAttributes).toEqual([]);
    expect(svg.externalReferences).toEqual([]);
    expect(text).not.toMatch(/<script|javascript:|foreignObject/i);

    // Opened on its own, it draws something and runs nothing.
    const opened = await openSvgAsDocument(page, text);
    expect(opened.rootName).toBe('svg');
    expect(opened.scripts).toBe(0);
    expect(opened.problems.dialogs).toEqual([]);
    expect(opened.problems.pageErrors).toEqual([]);
    expect(opened.inked, 'the exported SVG renders blank').toBeGreaterThan(0.02);
  });
}

test('the export uses the positions on screen, including a dragged node', async ({ page }) => {
  await openApp(page);
  const grab = await revealNode(page, 'zhu-startups-destroyed');
  await dragMouse(page, grab, { x: grab.x + 150, y: grab.y + 80 });
  await expect(page.locator('svg.map g[data-node-id="zhu-startups-destroyed"]')).toHaveClass(/\bpinned\b/);
  await waitForLayoutToRest(page);
  const { text } = await exportSvg(page);
  const livePositions = await page.locator('svg.map g[data-node-id]').evaluateAll((groups) =>
    Object.fromEntries(groups.map((group) => [group.getAttribute('data-node-id'), group.getAttribute('transform')])),
  );
  const exported = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return Object.fromEntries([...doc.querySelectorAll('[data-node-id]')].map((group) => [group.getAttribute('data-node-id'), group.getAttribute('transform')]));
  }, text);
  const parse = (transform: string | null | undefined) => {
    const match = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(transform ?? '');
    return match ? [Number(match[1]), Number(match[2])] : [Number.NaN, Number.NaN];
  };
  for (const node of seed.nodes) {
    const [liveX, liveY] = parse(livePositions[node.id]);
    const [fileX, fileY] = parse(exported[node.id]);
    expect(Math.abs(liveX! - fileX!), `x of ${node.id}`).toBeLessThan(0.011);
    expect(Math.abs(liveY! - fileY!), `y of ${node.id}`).toBeLessThan(0.011);
  }
});
