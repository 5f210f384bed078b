package io.borrowerportal.security;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What happens when a {@link ChangesCustomerState} method is refused: during a staff preview the refusal is
 * audited with the method refused ({@code PaymentService.submit}), where it happens, so every refused call is
 * on record whichever screen, button or test made it. The caller gets a {@link PreviewChangeRefusedException}
 * (an {@code AccessDeniedException}, as before), which says it was audited already.
 */
@Component
class PreviewRefusals implements MethodAuthorizationDeniedHandler {

    // Looked up when a call is refused, not at start: the method security interceptors are made before it.
    private final ObjectProvider<PreviewService> previews;

    PreviewRefusals(ObjectProvider<PreviewService> previews) {
        this.previews = previews;
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof PreviewAuthentication) {
            Object target = invocation.getThis();
            Class<?> type = target == null ? invocation.getMethod().getDeclaringClass() : AopUtils.getTargetClass(target);
            String method = type.getSimpleName() + "." + invocation.getMethod().getName();
            previews.getObject().recordRefusedChange(method);
            throw new PreviewChangeRefusedException(method, result);
        }
        throw new AuthorizationDeniedException("Access Denied", result);
    }
}
