/* Builds the task pane and the ribbon's function file into dist/.
 * `npm run build` (production) never touches certificates: only `npm run dev-server` asks
 * office-addin-dev-certs for the localhost HTTPS certificate. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = withSlash(process.env.ADDIN_PUBLIC_URL || "https://kpi-dashboard.example.org/");

/** The public URL must end with "/" so that "taskpane.html" can be appended to it. */
function withSlash(url) {
  return url.endsWith("/") ? url : `${url}/`;
}

/** Dev certificates only when serving: the import itself is cheap, the call may prompt for sudo. */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Loaded on demand: the cover report's code and the docx package (see src/taskpane/app.ts).
      chunkFilename: "[name].js",
      // dist/cli is the command line's build (npm run build:cli), not the pane's.
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Types are checked by `npm run typecheck`; tsconfig says noEmit for tsc, the bundle needs output.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().split(urlDev).join(urlProd);
            },
          },
        ],
      }),
    ],
    // One chunk for the cover report with its docx package, rather than webpack's split of the package into a chunk of its own.
    optimization: { splitChunks: false },
    performance: {
      // The pane's budget is 150 KB gzipped; warn well before the raw size gets near it.
      maxEntrypointSize: 300 * 1024,
      maxAssetSize: 300 * 1024,
    },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await httpsOptions() } : "http",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      // Everything is served from memory (the copied assets too): no stale files from an old build.
      static: false,
    },
  };
};
