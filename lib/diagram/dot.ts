import { DiagramNode, DiagramNodeKind, StackDiagram, SYMBOLS } from './graph';
import { COMPLIANCE_COLORS, COMPLIANCE_LEGEND, EDGE_COLORS } from './style';

const FONT = 'Helvetica,Arial,sans-serif';

/** Graphviz shapes by kind. */
const SHAPES: { readonly [kind in DiagramNodeKind]: string } = {
  workspace: 'box3d',
  fhir: 'box',
  dicom: 'box',
  medtech: 'box',
  privateEndpoint: 'hexagon',
  subnet: 'parallelogram',
  dnsZone: 'note',
  eventHub: 'cds',
  logs: 'cylinder',
  storage: 'cylinder',
  principal: 'ellipse',
  resource: 'box',
};

/** The diagram in Graphviz's DOT language (left to right, workspaces as clusters), for the SVG. */
export function toDot(diagram: StackDiagram): string {
  const ids = new Map(diagram.nodes.map((node, index) => [node.id, `n${index}`]));
  const lines = [
    'digraph health_data {',
    `  graph [rankdir=LR, fontname="${FONT}", fontsize=13, nodesep=0.22, ranksep=0.6, newrank=true, pad=0.3, label=${quote(`Health Data Services in stack ${diagram.stack}`)}, labelloc=t];`,
    `  node [fontname="${FONT}", fontsize=11, style="rounded,filled", penwidth=1.4, margin="0.15,0.06"];`,
    `  edge [fontname="${FONT}", fontsize=9, arrowsize=0.7];`,
  ];
  const node = (entry: DiagramNode, indent: string): string => {
    const colors = COMPLIANCE_COLORS[entry.compliance ?? 'none'];
    const style = entry.compliance === 'unknown' ? 'rounded,filled,dashed' : SHAPES[entry.kind] === 'box' ? 'rounded,filled' : 'filled';
    const label = [entry.title, ...entry.details].map(escape).join('\\n');
    return `${indent}${ids.get(entry.id)} [label="${label}", shape=${SHAPES[entry.kind]}, style="${style}", fillcolor="${colors.fill}", color="${colors.stroke}"];`;
  };
  diagram.clusters.forEach((cluster, index) => {
    lines.push(
      `  subgraph cluster_${index} {`,
      `    label=${quote(cluster.title)}; style="rounded,dashed"; color="#1565c0"; bgcolor="#fafcff"; penwidth=1.6; fontcolor="#0d47a1";`,
    );
    diagram.nodes.filter((entry) => entry.cluster === cluster.id).forEach((entry) => lines.push(node(entry, '    ')));
    lines.push('  }');
  });
  diagram.nodes.filter((entry) => entry.cluster === undefined).forEach((entry) => lines.push(node(entry, '  ')));
  // Invisible edges put each workspace before its services, so that the boundary reads from the workspace outwards.
  for (const cluster of diagram.clusters) {
    if (cluster.workspaceNode === undefined) continue;
    for (const entry of diagram.nodes.filter((candidate) => candidate.cluster === cluster.id && candidate.id !== cluster.workspaceNode)) {
      lines.push(`  ${ids.get(cluster.workspaceNode)} -> ${ids.get(entry.id)} [style=invis, weight=4];`);
    }
  }
  const kinds = new Map(diagram.nodes.map((entry) => [entry.id, entry.kind]));
  for (const edge of diagram.edges) {
    const color = EDGE_COLORS[edge.kind];
    // A grant to a resource's own identity (MedTech on its event hub) should not pull the hub after MedTech.
    const style =
      edge.kind === 'grant'
        ? `, style=dashed${kinds.get(edge.from) === 'principal' ? '' : ', constraint=false'}`
        : edge.kind === 'diagnostics'
          ? ', style=dotted'
          : '';
    lines.push(`  ${ids.get(edge.from)} -> ${ids.get(edge.to)} [label=${quote(edge.label)}, color="${color}", fontcolor="${color}"${style}];`);
  }
  lines.push(`  legend [shape=none, style="", margin=0, label=<${legend(diagram)}>];`, '  { rank=sink; legend; }', '}');
  return lines.join('\n');
}

/** The compliance colours as an HTML-like table (fixed text only), or why there are none. */
function legend(diagram: StackDiagram): string {
  const rows = diagram.checked
    ? COMPLIANCE_LEGEND.map(
        ([state, text]) =>
          `<tr><td bgcolor="${COMPLIANCE_COLORS[state].fill}" color="${COMPLIANCE_COLORS[state].stroke}">${SYMBOLS[state]}</td><td align="left">${text}</td></tr>`,
      ).join('')
    : '<tr><td colspan="2" align="left">The compliance check did not run on this stack:<br/>no compliance colours.</td></tr>';
  return `<table border="0" cellborder="1" cellspacing="0" cellpadding="4" color="#b0bec5"><tr><td colspan="2"><b>Compliance</b></td></tr>${rows}</table>`;
}

function escape(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ');
}

function quote(text: string): string {
  return `"${escape(text)}"`;
}
