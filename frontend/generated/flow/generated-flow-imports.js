import '@vaadin/login/src/vaadin-login-form.js';
import '@vaadin/notification/src/vaadin-notification.js';
import 'Frontend/generated/jar-resources/flow-component-renderer.js';
import 'Frontend/generated/jar-resources/flow-component-directive.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === '14a275471a7fc97208791f8df1f37afb2547aa1188de38023999dd97539fc907') {
    pending.push(import('./chunks/chunk-b9ca1769ca8b59a8b3f61f891e65ff6de7cd08a8afbe8e925af07fa5035153c2.js'));
  }
  if (key === '49723e43c78965e80633393b917173718ff5abbe53acd0f9c3b3375ddf58b354') {
    pending.push(import('./chunks/chunk-94314dba30eac0ba76a32d63f742c76fbdb09b0162a9065ef346f442a4643bf4.js'));
  }
  if (key === '710dee3d76966a29179ad1439550d4e4ba11019cd9ca46a9749ccb8e7c85b22f') {
    pending.push(import('./chunks/chunk-94314dba30eac0ba76a32d63f742c76fbdb09b0162a9065ef346f442a4643bf4.js'));
  }
  if (key === '4ee436d7eba567699c1cbe4498b6f5c07ac1143f5cf10885fa9e861246200006') {
    pending.push(import('./chunks/chunk-c533da4f0f1558f74335cf3d56b4ae21b651261e81d029a5423a01f927c9755e.js'));
  }
  if (key === '2bb3ad82fce8421af2a15963267243600f66ac1e2c9694837ddef9f5f702b972') {
    pending.push(import('./chunks/chunk-f49b3f6b07b5120c926f3d3cd18669d1c4885028112f577db311518014ebf7b4.js'));
  }
  return Promise.all(pending);
}

window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}