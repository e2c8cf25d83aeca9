package cn.jixiao.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * In a cluster every node's job executor writes its lock owner on the jobs it takes (ACT_RU_JOB.LOCK_OWNER_); Camunda
 * names it with a random UUID, which tells an operator (or a test) nothing about which node holds a job. With
 * {@code jixiao.node-name} set, that name is the lock owner; empty (the default) keeps Camunda's UUID. Names must
 * differ between nodes.
 */
@Component
class JobLockOwner extends AbstractProcessEnginePlugin {

    private final String nodeName;

    JobLockOwner(@Value("${jixiao.node-name:}") String nodeName) {
        this.nodeName = nodeName;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!nodeName.isBlank() && configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(nodeName.strip());
        }
    }
}
