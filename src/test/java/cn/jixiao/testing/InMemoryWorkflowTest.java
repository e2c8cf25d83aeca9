package cn.jixiao.testing;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The application with its real configuration (authorizations on, full history, the shipped models), but on a
 * private in-memory H2 database, so the tests leave no files. Subclasses share one context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:wf-${random.uuid};DB_CLOSE_DELAY=-1;MODE=LEGACY",
            "camunda.bpm.process-engine-name=wf-test",
            // The sample report is started many times in one database; the rule itself is tested in cn.jixiao.campaign.
            "jixiao.reports.one-per-unit-and-year=false"
        })
@Tag("workflow")
public abstract class InMemoryWorkflowTest {

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected ProcessEngine processEngine;

    protected WorkflowFixture fx;

    @BeforeEach
    void initWorkflow() {
        BpmnAwareTests.init(processEngine);
        fx = new WorkflowFixture(context).withUnitsAndUsers();
    }

    @AfterEach
    void resetWorkflow() {
        processEngine.getIdentityService().clearAuthentication();
        BpmnAwareTests.reset();
    }
}
