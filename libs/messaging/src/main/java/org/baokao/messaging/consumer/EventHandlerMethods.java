package org.baokao.messaging.consumer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/** Finds the {@link EventHandler} methods of the service's beans and groups them into one subscription per consumer. */
public final class EventHandlerMethods implements BeanPostProcessor {

    private final List<EventHandlerMethod> found = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<java.lang.reflect.Method, EventHandler> handlers = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<EventHandler>) method -> AnnotatedElementUtils
                        .findMergedAnnotation(method, EventHandler.class));
        handlers.forEach((method, annotation) -> found.add(EventHandlerMethod.of(annotation.value(), bean,
                AopUtils.selectInvocableMethod(method, bean.getClass()))));
        return bean;
    }

    /** The subscriptions, one per consumer name, in the order their first handler was found. */
    public List<EventSubscription> subscriptions() {
        Map<String, EventSubscription> byConsumer = new LinkedHashMap<>();
        synchronized (found) {
            for (EventHandlerMethod handler : found) {
                byConsumer.put(handler.consumer(), add(byConsumer.getOrDefault(handler.consumer(),
                        EventSubscription.named(handler.consumer())), handler));
            }
        }
        return List.copyOf(byConsumer.values());
    }

    private static <E extends org.baokao.events.DomainEvent> EventSubscription add(EventSubscription subscription,
            EventHandlerMethod handler) {
        @SuppressWarnings("unchecked")
        Class<E> type = (Class<E>) handler.eventType();
        return subscription.on(type, handler::invoke);
    }
}
