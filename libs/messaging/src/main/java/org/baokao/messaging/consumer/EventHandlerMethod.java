package org.baokao.messaging.consumer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.baokao.events.DomainEvent;
import org.baokao.events.EventCatalog;
import org.springframework.util.ReflectionUtils;

/** One {@link EventHandler} method of one bean, checked once at start-up and called for each event. */
record EventHandlerMethod(String consumer, Object bean, Method method, Class<? extends DomainEvent> eventType,
        boolean takesMeta) {

    static EventHandlerMethod of(String consumer, Object bean, Method method) {
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        Class<?>[] parameters = method.getParameterTypes();
        if (Modifier.isPrivate(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
            throw new IllegalStateException(where + ": an @EventHandler method must be neither private nor static");
        }
        if (parameters.length < 1 || parameters.length > 2 || !DomainEvent.class.isAssignableFrom(parameters[0])
                || (parameters.length == 2 && parameters[1] != EventMeta.class)) {
            throw new IllegalStateException(where + ": an @EventHandler method takes (SomeEvent) or (SomeEvent, EventMeta)");
        }
        @SuppressWarnings("unchecked")
        Class<? extends DomainEvent> eventType = (Class<? extends DomainEvent>) parameters[0];
        EventCatalog.describe(eventType); // refuses a record the catalogue does not know
        ReflectionUtils.makeAccessible(method);
        return new EventHandlerMethod(consumer, bean, method, eventType, parameters.length == 2);
    }

    void invoke(DomainEvent event, EventMeta meta) {
        try {
            if (takesMeta) {
                method.invoke(bean, event, meta);
            } else {
                method.invoke(bean, event);
            }
        } catch (InvocationTargetException e) {
            // the handler's own exception, as it threw it: the error handler decides on retries by its type
            ReflectionUtils.rethrowRuntimeException(e.getTargetException());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
