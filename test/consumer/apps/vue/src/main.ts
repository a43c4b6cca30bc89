import { createApp } from "vue";
import "@coalition-kit/widgets/define";
import App from "./App.vue";
import "./readme";

createApp(App).mount("#app");
