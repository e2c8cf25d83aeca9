package cn.jixiao.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A user's input that the workflow refuses, with a Chinese message naming the field. It is a form validation
 * exception so that the REST API and the Tasklist answer 400 with the message and leave the task open.
 */
public class InputRefused extends FormFieldValidationException {

    private static final long serialVersionUID = 1L;

    public InputRefused(String field, String message) {
        super(field, message);
    }
}
