package dev.avatarkit.heygen;

import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** HeyGen legacy v1/v2 routes (no idempotency keys anywhere): typed records in, {@link Envelope}s out. */
interface LegacyApi {
    @POST("v2/video/generate")
    Call<Envelope<Dtos.LegacyVideoId>> generate(@Body LegacyRequests.VideoGenerate body);

    @GET("v1/video_status.get")
    Call<Envelope<Dtos.LegacyStatus>> status(@Query("video_id") String id);

    @GET("v1/video.list")
    Call<Envelope<Dtos.LegacyVideoList>> videos(@Query("limit") int limit, @Query("token") String token);

    @DELETE("v1/video.delete")
    Call<Envelope<Object>> delete(@Query("video_id") String id);

    @GET("v2/templates")
    Call<Envelope<Dtos.LegacyTemplates>> templates();

    @GET("v2/template/{id}")
    Call<Envelope<Dtos.LegacyTemplateDetail>> template(@Path("id") String id);

    @POST("v2/template/{id}/generate")
    Call<Envelope<Dtos.LegacyVideoId>> generateFromTemplate(
            @Path("id") String id, @Body WireRequests.TemplateGenerate body);

    @GET("v2/avatars")
    Call<Envelope<Dtos.LegacyAvatars>> avatars();

    @GET("v2/voices")
    Call<Envelope<Dtos.LegacyVoices>> voices();

    @GET("v2/user/remaining_quota")
    Call<Envelope<Dtos.LegacyQuota>> quota();

    @POST("v2/photo_avatar/photo/generate")
    Call<Envelope<Dtos.LegacyGenerationId>> generatePhoto(@Body LegacyRequests.PhotoGenerate body);

    @POST("v2/photo_avatar/look/generate")
    Call<Envelope<Dtos.LegacyGenerationId>> generateLook(@Body LegacyRequests.LookGenerate body);

    @GET("v2/photo_avatar/generation/{id}")
    Call<Envelope<Dtos.LegacyGeneration>> generation(@Path("id") String id);

    @POST("v2/photo_avatar/avatar_group/create")
    Call<Envelope<Dtos.LegacyPhotoLook>> createGroup(@Body LegacyRequests.GroupCreate body);

    @POST("v2/photo_avatar/avatar_group/add")
    Call<Envelope<Object>> addToGroup(@Body LegacyRequests.GroupAdd body);

    @POST("v2/photo_avatar/train")
    Call<Envelope<Object>> train(@Body LegacyRequests.Train body);

    @GET("v2/photo_avatar/train/status/{group_id}")
    Call<Envelope<Dtos.LegacyTrainStatus>> trainStatus(@Path("group_id") String groupId);

    @GET("v2/avatar_group/{group_id}/avatars")
    Call<Envelope<Dtos.LegacyGroupAvatars>> groupAvatars(@Path("group_id") String groupId);

    @POST("v1/webhook/endpoint.add")
    Call<Envelope<Dtos.WebhookEndpointDto>> addWebhook(@Body WireRequests.WebhookRegister body);

    /** On the upload host: raw bytes with the file's MIME type. */
    @POST("v1/asset")
    Call<Envelope<Dtos.LegacyAsset>> upload(@Body RequestBody bytes);
}
