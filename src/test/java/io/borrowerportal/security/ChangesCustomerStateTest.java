package io.borrowerportal.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service method a customer may call either only reads (a read-only transaction) or carries
 * {@link ChangesCustomerState}, so a staff preview can never change a customer's data.
 */
class ChangesCustomerStateTest {

    @Test
    void every_customer_callable_service_method_reads_only_or_is_refused_during_a_preview() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        List<String> customerMethods = new ArrayList<>();
        List<String> unguarded = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.borrowerportal")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || !customerMayCall(type, method)) {
                    continue;
                }
                String name = type.getSimpleName() + "." + method.getName();
                customerMethods.add(name);
                if (!readOnly(type, method) && !AnnotatedElementUtils.hasAnnotation(method, ChangesCustomerState.class)) {
                    unguarded.add(name);
                }
            }
        }
        assertThat(customerMethods).as("the scan found the customer-facing services")
                .contains("AccountService.detail", "CustomerService.changeAccountsLayout");
        assertThat(unguarded).as("customer-callable methods that may write but are not @ChangesCustomerState").isEmpty();
    }

    private static boolean customerMayCall(Class<?> type, Method method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(type, PreAuthorize.class);
        }
        return rule != null && rule.value().contains("'CUSTOMER'") && !rule.value().contains("!hasRole('CUSTOMER')");
    }

    private static boolean readOnly(Class<?> type, Method method) {
        Transactional tx = AnnotatedElementUtils.findMergedAnnotation(method, Transactional.class);
        if (tx == null) {
            tx = AnnotatedElementUtils.findMergedAnnotation(type, Transactional.class);
        }
        return tx != null && tx.readOnly();
    }
}
