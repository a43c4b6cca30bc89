import "./page.css";
import "./ck-admin-app.js";
