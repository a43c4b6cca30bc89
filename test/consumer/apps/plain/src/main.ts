// A new user's first page: the README's snippets (src/readme-*.ts, written by the test) and the
// typed DOM a bare `import "@coalition-kit/widgets/define"` brings.
import "@coalition-kit/widgets/define";
import "./elements";
import "./readme";
