// Babel plugin for dependency-cruiser only: turns `import type` / `export type … from` into
// value imports before the TypeScript preset strips them, so a type-only import across a
// layer boundary is still seen (TypeScript 7 has no compiler API for dependency-cruiser).
module.exports = function keepTypeImports() {
  const asValue = (path) => {
    if (path.node.importKind === 'type') path.node.importKind = 'value';
    if (path.node.exportKind === 'type') path.node.exportKind = 'value';
    for (const s of path.node.specifiers ?? []) {
      if (s.importKind === 'type') s.importKind = 'value';
      if (s.exportKind === 'type') s.exportKind = 'value';
    }
  };
  // Program.enter: the TypeScript plugin drops type imports there, and plugins run before presets.
  return {
    visitor: {
      Program(path) {
        for (const statement of path.get('body')) {
          if (statement.isImportDeclaration() || (statement.isExportNamedDeclaration() && statement.node.source)) asValue(statement);
        }
      },
    },
  };
};
