import "./ck-admin-app.js";
