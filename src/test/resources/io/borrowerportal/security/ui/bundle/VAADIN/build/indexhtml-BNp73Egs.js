const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./generated-flow-imports-t4nGUjc-.js","./style-props-BRR9WZfk.js","./not-built-Zz99Zz99.js"])))=>i.map(i=>d[i]);
import{a as e}from"./lit-renderer-D9EjtIaS.js";
let b=await T(()=>import(`./FlowBootstrap-C92yDU24.js`),[],import.meta.url);let r=`./offline-stub.html`;let n="./plain.js";
