// Vite's `?raw` imports (the default rule files, bundled as text).
/// <reference types="vite/client" />
