/** Stylesheets are bundled by esbuild into the console's own CSS file. */
declare module '*.css';
