export * from './enums';
export * from './orgs';
export * from './templates';
export * from './customers';
export * from './billing';
export * from './trials';
export * from './platform';
export * from './relations';
