// Oxlint JS plugin: the two rules of eslint-plugin-drizzle, which cannot load here (it needs
// @typescript-eslint/utils at run time, and that refuses TypeScript 7). A `.delete(table)` or
// `.update(table)` on a Drizzle handle must be followed by `.where(...)` somewhere in its
// chain, so a forgotten filter cannot wipe or rewrite a whole table.

/** db, tx, or any `<x>.db` (ctx.db, deps.db) — the names this codebase gives a Drizzle handle. */
function isDrizzleHandle(node) {
  if (node.type === 'Identifier') return node.name === 'db' || node.name === 'tx';
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') return node.property.name === 'db';
  return false;
}

/** Walks up the method chain that starts at `call`; true when a `.where` member appears in it. */
function chainHasWhere(call) {
  let cur = call;
  while (cur.parent && cur.parent.type === 'MemberExpression' && cur.parent.object === cur) {
    const member = cur.parent;
    if (!member.computed && member.property.type === 'Identifier' && member.property.name === 'where') return true;
    if (member.parent && member.parent.type === 'CallExpression' && member.parent.callee === member) cur = member.parent;
    else return false;
  }
  return false;
}

function whereRule(method) {
  return {
    meta: {
      type: 'problem',
      docs: { description: `Enforce that Drizzle's \`${method}\` is used with \`where\`.` },
      messages: {
        missingWhere: `Without \`.where(...)\` this ${method}s every row of the table. Add \`.where(...)\`, or disable this rule on the line with a comment saying why.`,
      },
      schema: [],
    },
    create(context) {
      return {
        CallExpression(node) {
          const callee = node.callee;
          if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
          if (callee.property.name !== method || !isDrizzleHandle(callee.object)) return;
          if (!chainHasWhere(node)) context.report({ node, messageId: 'missingWhere' });
        },
      };
    },
  };
}

export default {
  meta: { name: 'drizzle' },
  rules: {
    'enforce-delete-with-where': whereRule('delete'),
    'enforce-update-with-where': whereRule('update'),
  },
};
